package io.wamonitor.worker.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wamonitor.contracts.event.ProfileBackedUp;
import io.wamonitor.worker.WorkerSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Backs up a linked account's profile (its WhatsApp login) so that another worker can continue the session if
 * this one is lost, and puts a backup in place before a session starts here. A backup is made only of a profile
 * that is linked and only when it changed since this worker's last backup of it; it goes out as an event through
 * the journal (so a broker outage delays it, never loses it). Without {@code PROFILE_BACKUP_KEY} nothing is backed
 * up.
 */
@Component
public class ProfileBackups {

    private static final Logger log = LoggerFactory.getLogger(ProfileBackups.class);

    private final SecretKey key;
    private final ProfileStore profiles;
    private final SessionEvents events;
    private final WorkerSettings worker;
    private final Clock clock;
    private final Map<UUID, String> lastDigests = new ConcurrentHashMap<>();
    private final long maxBytes;
    private final MeterRegistry meters;

    ProfileBackups(
            BackupSettings settings,
            ProfileStore profiles,
            SessionEvents events,
            WorkerSettings worker,
            Clock clock,
            MeterRegistry meters) {
        this.key = parse(settings.key());
        this.maxBytes = settings.maxBytes().toBytes();
        this.meters = meters;
        this.profiles = profiles;
        this.events = events;
        this.worker = worker;
        this.clock = clock;
        if (key == null) {
            log.warn("PROFILE_BACKUP_KEY is not set: profiles are not backed up, so if this worker is lost its "
                    + "accounts must be linked again by QR code on another one");
        }
    }

    static SecretKey parse(String base64) {
        if (base64 == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PROFILE_BACKUP_KEY is not base64 (make one: openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("PROFILE_BACKUP_KEY must be 32 bytes (base64 of 32 random bytes: "
                    + "openssl rand -base64 32), it has " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public boolean enabled() {
        return key != null;
    }

    /** What became of a backup. */
    enum Result {
        TAKEN,
        /** The profile is as it was at this worker's last backup of it: nothing to send. */
        UNCHANGED,
        /** No key, or larger than PROFILE_BACKUP_MAX_BYTES: trying again would not help. */
        NOT_MADE,
        /** The profile could not be read, or the journal had no room: worth trying again. */
        FAILED
    }

    /** Backs the account's profile up now, unless it is unchanged since this worker's last backup of it. */
    Result backup(UUID account, String trigger) {
        return backup(account, trigger, false);
    }

    /** Like {@link #backup(UUID, String)}; {@code force}: even if unchanged (the account is handed over). */
    Result backup(UUID account, String trigger, boolean force) {
        if (key == null) {
            return Result.NOT_MADE;
        }
        Path profile = profiles.profileDir(account);
        try {
            String digest = ProfileArchive.digest(profile);
            if (!force && digest.equals(lastDigests.get(account))) {
                log.debug("Account {}: profile unchanged since its last backup", account);
                count("unchanged");
                return Result.UNCHANGED;
            }
            Instant takenAt = clock.instant();
            byte[] sealed = ProfileArchive.encrypt(key, account, ProfileArchive.pack(profile));
            if (sealed.length > maxBytes) {
                log.warn(
                        "Account {}: its profile backup is {} MiB, more than PROFILE_BACKUP_MAX_BYTES ({} MiB); it is "
                                + "not sent, so another worker would need a new QR code for it",
                        account,
                        sealed.length / (1024 * 1024),
                        maxBytes / (1024 * 1024));
                count("too_large");
                return Result.NOT_MADE;
            }
            boolean recorded = events.profileBackedUp(
                    account,
                    new ProfileBackedUp(
                            Base64.getEncoder().encodeToString(sealed), takenAt, trigger, sealed.length, worker.id()));
            if (recorded) {
                lastDigests.put(account, digest);
                log.info(
                        "Account {}: profile backed up ({}, {} KiB encrypted)", account, trigger, sealed.length / 1024);
            }
            count(recorded ? "taken" : "failed");
            return recorded ? Result.TAKEN : Result.FAILED;
        } catch (RuntimeException e) {
            log.warn("Account {}: backing up the profile failed: {}", account, e.getMessage());
            count("failed");
            return Result.FAILED;
        }
    }

    private void count(String outcome) {
        Counter.builder("wamonitor.worker.profile.backups")
                .description("Profile backups by outcome: taken, unchanged (nothing to send), too_large "
                        + "(PROFILE_BACKUP_MAX_BYTES), failed")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    /**
     * Replaces the account's profile with a backup (the account must not be running here).
     *
     * @throws ProfileArchive.BackupUnreadable when the backup cannot be used (wrong key, damaged, no key here)
     */
    void restore(UUID account, String archiveBase64) {
        if (key == null) {
            throw new ProfileArchive.BackupUnreadable("this worker has no PROFILE_BACKUP_KEY to read the backup with");
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(archiveBase64);
        } catch (IllegalArgumentException e) {
            throw new ProfileArchive.BackupUnreadable("the backup is not base64");
        }
        byte[] zip = ProfileArchive.decrypt(key, account, sealed);
        profiles.replaceProfile(account, target -> ProfileArchive.unpack(zip, target));
        lastDigests.put(account, ProfileArchive.digest(profiles.profileDir(account)));
    }

    void forget(UUID account) {
        lastDigests.remove(account);
    }
}
