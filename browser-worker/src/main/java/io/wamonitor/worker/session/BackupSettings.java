package io.wamonitor.worker.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param key      {@code PROFILE_BACKUP_KEY}: 32 random bytes, base64 (e.g. {@code openssl rand -base64 32}), the
 *                 same on every worker. Profiles are backed up encrypted under it so that another worker can take
 *                 an account over without a new QR code. Empty: no backups (a lost worker's accounts must be
 *                 linked again by QR)
 * @param interval {@code PROFILE_BACKUP_INTERVAL}: how often a linked session's profile is backed up again when it
 *                 changed (besides right after linking and at every clean stop)
 * @param maxBytes {@code PROFILE_BACKUP_MAX_BYTES}: the largest encrypted backup sent; a larger one is not sent
 *                 (logged and counted). A backup travels as one RabbitMQ message, base64 in JSON (a third larger),
 *                 and brokers refuse messages beyond their {@code max_message_size} (16 MiB by default since
 *                 RabbitMQ 4.0): the default of 12 MiB stays under it
 */
@ConfigurationProperties("wamonitor.backup")
public record BackupSettings(String key, Duration interval, DataSize maxBytes) {

    public BackupSettings {
        key = key == null || key.isBlank() ? null : key.strip();
        interval = interval == null || interval.isNegative() || interval.isZero() ? Duration.ofHours(1) : interval;
        maxBytes = maxBytes == null || maxBytes.toBytes() <= 0 ? DataSize.ofMegabytes(12) : maxBytes;
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "BackupSettings[key=" + (key == null ? "unset" : "***") + ", interval=" + interval + ", maxBytes="
                + maxBytes + "]";
    }
}
