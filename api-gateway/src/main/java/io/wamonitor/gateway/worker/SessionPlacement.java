package io.wamonitor.gateway.worker;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.MessageCatalog;
import io.wamonitor.contracts.command.RestoreProfile;
import io.wamonitor.contracts.command.StartSession;
import io.wamonitor.contracts.event.AccountStatusChanged;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.gateway.account.AccountService;
import io.wamonitor.gateway.account.AccountView;
import io.wamonitor.gateway.api.WorkerEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Gives accounts to workers and starts them there: a new account goes where {@link Placement} says; an account
 * that moves (its worker was lost, or drains) gets a new epoch on another worker, its latest profile backup put in
 * place first so it continues without a QR code. An account no worker has room for stays {@code INIT} with reason
 * {@code no_worker_capacity} until one has.
 */
@Component
class SessionPlacement {

    static final String NO_CAPACITY = "no_worker_capacity";
    /** Messages from this long before a restored backup was taken are looked at again on the new worker. */
    private static final Duration CAPTURE_SLACK = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(SessionPlacement.class);

    private final Assignments assignments;
    private final WorkerRegistry workers;
    private final CommandSender sender;
    private final ProfileBackupStore backups;
    /** Lazily: the account service starts sessions through this class's SessionControl. */
    private final ObjectProvider<AccountService> accounts;

    private final ApplicationEventPublisher features;
    private final Clock clock;

    SessionPlacement(
            Assignments assignments,
            WorkerRegistry workers,
            CommandSender sender,
            ProfileBackupStore backups,
            ObjectProvider<AccountService> accounts,
            ApplicationEventPublisher features,
            Clock clock) {
        this.assignments = assignments;
        this.workers = workers;
        this.sender = sender;
        this.backups = backups;
        this.accounts = accounts;
        this.features = features;
        this.clock = clock;
    }

    /**
     * Starts the account where it is assigned, placing it first if it has no worker. False only when a command
     * could not be handed to the broker.
     */
    synchronized boolean start(UUID account, String name) {
        Optional<Assignment> current = assignments.find(account.toString());
        if (current.isPresent() && current.get().placed()) {
            return startOn(current.get(), name);
        }
        return place(account, name, current.map(Assignment::epoch).orElse(0L), Set.of(), false);
    }

    /**
     * Assigns the account to a worker other than {@code exclude} under a new epoch and starts it there (with its
     * backup when {@code restore}); with no room anywhere it is left unplaced and shown {@code INIT}.
     */
    synchronized boolean place(UUID account, String name, long expectedEpoch, Set<String> exclude, boolean restore) {
        String id = account.toString();
        List<WorkerHeartbeat> live =
                workers.alive().stream().map(WorkerRegistry.Heard::heartbeat).toList();
        Set<String> draining = live.stream()
                .map(WorkerHeartbeat::workerId)
                .filter(workers::isDraining)
                .collect(Collectors.toSet());
        Optional<String> target = Placement.choose(live, draining, Placement.countByWorker(assignments.all()), exclude);
        if (target.isEmpty()) {
            if (expectedEpoch > 0) {
                assignments.find(id).filter(Assignment::placed).ifPresent(a -> assignments.unplace(id, a.epoch()));
            }
            reportUnplaced(account, live.isEmpty());
            return true;
        }
        Optional<Assignment> assigned = assignments.assign(id, target.get(), expectedEpoch, restore);
        if (assigned.isEmpty()) {
            log.info("Account {} was placed by another gateway instance meanwhile", account);
            return true;
        }
        log.info(
                "Account {} is assigned to worker {} (epoch {}){}",
                account,
                target.get(),
                assigned.get().epoch(),
                restore ? ", restored from its backup" : "");
        return startOn(assigned.get(), name);
    }

    /** Sends the start (after the backup, when one must be restored) to the account's worker. */
    boolean startOn(Assignment assignment, String name) {
        UUID account = UUID.fromString(assignment.account());
        if (assignment.restorePending()) {
            Optional<ProfileBackupStore.Backup> backup = backups.latest(assignment.account());
            if (backup.isPresent()) {
                Instant captureFrom = backup.get().takenAt().minus(CAPTURE_SLACK);
                if (!sender.send(
                        assignment.worker(),
                        account,
                        assignment.epoch(),
                        new RestoreProfile(backup.get().archive(), backup.get().takenAt(), captureFrom))) {
                    return false;
                }
            } else {
                log.warn(
                        "Account {} moves to worker {} without a profile backup (PROFILE_BACKUP_KEY unset, or never "
                                + "linked): it will need a new QR code",
                        account,
                        assignment.worker());
            }
        }
        return sender.send(
                assignment.worker(),
                account,
                assignment.epoch(),
                new StartSession(name == null ? accountName(assignment.account()) : name));
    }

    private String accountName(String account) {
        return accounts.getObject().find(account).map(AccountView::name).orElse("");
    }

    private void reportUnplaced(UUID account, boolean noWorker) {
        String reason = NO_CAPACITY + ": "
                + (noWorker
                        ? "no worker is running"
                        : "every live worker is full, draining or out of memory (WORKER_MAX_SESSIONS, "
                                + "WORKER_MEMORY_LIMIT)")
                + "; the account starts as soon as one has room";
        AccountView view = accounts.getObject().find(account.toString()).orElse(null);
        if (view == null || (view.status() == AccountStatus.INIT && Objects.equals(view.statusReason(), reason))) {
            return;
        }
        log.warn("Account {}: {}", account, reason);
        AccountStatusChanged status = new AccountStatusChanged(AccountStatus.INIT, reason, null, null);
        features.publishEvent(new WorkerEvent<>(
                new Envelope<>(UUID.randomUUID(), MessageCatalog.typeOf(status), clock.instant(), account, status)));
    }
}
