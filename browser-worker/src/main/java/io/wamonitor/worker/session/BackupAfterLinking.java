package io.wamonitor.worker.session;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backup right after linking is what lets another worker continue the account without a QR code, so one that
 * failed (the profile could not be read while Chromium rewrote it, or the journal was full) is tried again a few
 * times, waiting twice as long each time, rather than only at the next {@code PROFILE_BACKUP_INTERVAL}. A backup
 * that was taken, was not needed or cannot be made is not tried again; neither is one whose session was stopped,
 * replaced or unlinked meanwhile.
 */
final class BackupAfterLinking {

    static final int ATTEMPTS = 4;

    private static final Logger log = LoggerFactory.getLogger(BackupAfterLinking.class);

    private final ScheduledExecutorService runner;
    private final Function<UUID, ProfileBackups.Result> backup;
    private final Duration firstWait;

    /**
     * @param backup    takes one backup of the account's profile
     * @param firstWait the wait before the second try; each further wait is twice the one before
     */
    BackupAfterLinking(
            ScheduledExecutorService runner, Function<UUID, ProfileBackups.Result> backup, Duration firstWait) {
        this.runner = runner;
        this.backup = backup;
        this.firstWait = firstWait;
    }

    /** Starts the first try on the runner; {@code stillWanted} is asked before each further one. */
    void start(UUID account, BooleanSupplier stillWanted) {
        runner.execute(() -> attempt(account, stillWanted, 1));
    }

    private void attempt(UUID account, BooleanSupplier stillWanted, int attempt) {
        if (attempt > 1 && !stillWanted.getAsBoolean()) {
            return;
        }
        if (backup.apply(account) != ProfileBackups.Result.FAILED) {
            return;
        }
        if (attempt >= ATTEMPTS) {
            log.warn(
                    "Account {}: its profile could not be backed up after linking ({} tries); the next try is at the "
                            + "backup interval",
                    account,
                    attempt);
            return;
        }
        long wait = firstWait.toMillis() << (attempt - 1);
        log.info("Account {}: trying the profile backup again in {} s", account, wait / 1000.0);
        runner.schedule(() -> attempt(account, stillWanted, attempt + 1), wait, TimeUnit.MILLISECONDS);
    }
}
