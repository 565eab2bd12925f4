package io.wamonitor.gateway.worker;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.command.StopSession;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.gateway.account.AccountView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves a draining worker's accounts to other workers, one at a time, so its host can be taken down without a new
 * QR code: the account is stopped cleanly on its worker (which backs its profile up as it hands it over), then
 * assigned to another worker under a new epoch, restored there from that backup and started; the next one moves
 * once it is READY there (or after {@link #SETTLE}). An account that is not linked moves without a backup.
 */
@Component
class Drains {

    /** The longest a move waits for the old worker's hand-over backup, and for the moved account to be READY. */
    static final Duration SETTLE = Duration.ofMinutes(2);

    private static final Set<AccountStatus> LINKED =
            EnumSet.of(AccountStatus.READY, AccountStatus.AUTH, AccountStatus.DISCONNECTED);
    private static final Logger log = LoggerFactory.getLogger(Drains.class);

    private final Assignments assignments;
    private final WorkerRegistry workers;
    private final SessionPlacement placement;
    private final CommandSender sender;
    private final ProfileBackupStore backups;
    private final Clock clock;
    /** Per draining worker, the account it moved last and when (wait for it before the next). */
    private final Map<String, Moved> lastMoved = new ConcurrentHashMap<>();

    Drains(
            Assignments assignments,
            WorkerRegistry workers,
            SessionPlacement placement,
            CommandSender sender,
            ProfileBackupStore backups,
            Clock clock) {
        this.assignments = assignments;
        this.workers = workers;
        this.placement = placement;
        this.sender = sender;
        this.backups = backups;
        this.clock = clock;
    }

    private record Moved(String account, Instant at, boolean linked) {}

    /** One step of every drain (called by the leader's reconciliation). */
    void advance(Map<String, AccountView> accounts, Map<String, WorkerHeartbeat> live) {
        for (WorkerHeartbeat worker : live.values()) {
            if (workers.isDraining(worker.workerId())) {
                advance(worker, accounts, live);
            }
        }
    }

    private void advance(WorkerHeartbeat worker, Map<String, AccountView> accounts, Map<String, WorkerHeartbeat> live) {
        String id = worker.workerId();
        Instant now = clock.instant();
        List<Assignment> on = assignments.onWorker(id);
        Optional<Assignment> moving = on.stream().filter(Assignment::moving).findFirst();
        if (moving.isPresent()) {
            finishMove(worker, moving.get(), accounts.get(moving.get().account()), now);
            return;
        }
        Moved previous = lastMoved.get(id);
        if (previous != null && previous.linked() && previous.at().plus(SETTLE).isAfter(now)) {
            AccountView moved = accounts.get(previous.account());
            if (moved != null && moved.status() != AccountStatus.READY) {
                return; // wait until the last moved account is READY on its new worker
            }
        }
        Optional<Assignment> next = on.stream()
                .filter(a -> accounts.containsKey(a.account()))
                .min(Comparator.comparing(Assignment::account));
        if (next.isEmpty()) {
            return;
        }
        Set<String> draining =
                live.keySet().stream().filter(workers::isDraining).collect(Collectors.toSet());
        Optional<String> target =
                Placement.choose(live.values(), draining, Placement.countByWorker(assignments.all()), Set.of(id));
        if (target.isEmpty()) {
            log.debug("Drain of {} waits: no other worker has room", id);
            return;
        }
        Assignment account = next.get();
        AccountView view = accounts.get(account.account());
        boolean linked = LINKED.contains(view.status());
        if (assignments.markMoving(account.account(), account.epoch(), linked)) {
            log.info(
                    "Draining {}: moving account {} ({}) off it{}",
                    id,
                    account.account(),
                    view.status(),
                    linked ? " with a hand-over backup" : "");
            sender.send(
                    id,
                    UUID.fromString(account.account()),
                    account.epoch(),
                    new StopSession("worker " + id + " is draining", linked));
        }
    }

    private void finishMove(WorkerHeartbeat worker, Assignment moving, AccountView account, Instant now) {
        if (account == null) {
            return; // deleted meanwhile: the reconciliation cleans up
        }
        UUID id = UUID.fromString(moving.account());
        boolean stillHeld =
                worker.sessions().stream().anyMatch(s -> s.accountId().equals(id));
        boolean overdue = moving.movingSince() == null
                || moving.movingSince().plus(SETTLE).isBefore(now);
        if (stillHeld && !overdue) {
            return;
        }
        Optional<Instant> backupStored = backups.latestStoredAt(moving.account());
        boolean handedOver = backupStored.isPresent()
                && moving.movingSince() != null
                && !backupStored.get().isBefore(moving.movingSince());
        if (moving.handOver() && !handedOver && !overdue) {
            return; // the hand-over backup is on its way
        }
        lastMoved.put(worker.workerId(), new Moved(moving.account(), now, moving.handOver()));
        placement.place(id, account.name(), moving.epoch(), Set.of(worker.workerId()), backupStored.isPresent());
    }
}
