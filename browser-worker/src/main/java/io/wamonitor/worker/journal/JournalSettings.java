package io.wamonitor.worker.journal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dir          {@code WORKER_JOURNAL_DIR}: where the journal file lives (default: {@code .journal} inside
 *                     {@code WHATSAPP_SESSIONS_DIR}, so one volume keeps profiles and journal together)
 * @param maxBytes     {@code WORKER_JOURNAL_MAX_BYTES}: events (media included) kept while the broker does not
 *                     confirm them; beyond it new messages are left in WhatsApp Web's store and fetched by the
 *                     capture cursor once there is room
 * @param backfillSlack how far before the capture cursor a backfill looks, for messages WhatsApp timestamps a
 *                     little out of order
 */
@ConfigurationProperties("wamonitor.journal")
public record JournalSettings(Path dir, long maxBytes, Duration backfillSlack) {

    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    public JournalSettings {
        maxBytes = maxBytes <= 0 ? DEFAULT_MAX_BYTES : maxBytes;
        backfillSlack = backfillSlack == null ? Duration.ofMinutes(10) : backfillSlack;
    }
}
