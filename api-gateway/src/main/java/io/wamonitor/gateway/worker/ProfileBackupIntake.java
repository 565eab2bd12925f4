package io.wamonitor.gateway.worker;

import io.wamonitor.contracts.event.ProfileBackedUp;
import io.wamonitor.gateway.api.WorkerEvent;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Stores the profile backups workers make (only the owner's: the listener lets no other through). */
@Component
class ProfileBackupIntake {

    private static final Logger log = LoggerFactory.getLogger(ProfileBackupIntake.class);

    private final ProfileBackupStore backups;
    private final Assignments assignments;
    private final Clock clock;

    ProfileBackupIntake(ProfileBackupStore backups, Assignments assignments, Clock clock) {
        this.backups = backups;
        this.assignments = assignments;
        this.clock = clock;
    }

    @EventListener
    void on(WorkerEvent<ProfileBackedUp> event) {
        String account = event.accountId().toString();
        if (assignments.find(account).isEmpty()) {
            log.debug("A profile backup of account {} arrived after it was deleted; dropped", account);
            return;
        }
        ProfileBackedUp backup = event.payload();
        backups.store(
                account,
                backup.archive(),
                backup.takenAt(),
                event.envelope().epoch() == null ? 0 : event.envelope().epoch(),
                backup.workerId(),
                clock.instant());
        log.info(
                "Account {}: profile backup from {} stored ({}, {} KiB)",
                account,
                backup.workerId(),
                backup.trigger(),
                backup.sizeBytes() / 1024);
    }
}
