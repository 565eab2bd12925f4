package io.wamonitor.gateway.worker;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.command.DeleteSession;
import io.wamonitor.contracts.command.StopSession;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.gateway.account.AccountService;
import io.wamonitor.gateway.account.AccountView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Heals every difference between where accounts are assigned and what the workers report, on the leading gateway
 * instance, every second:
 * <ul>
 *   <li>an account with no worker is placed as soon as one has room;</li>
 *   <li>an account whose worker is lost ({@code WORKER_TIMEOUT} plus {@code WORKER_FAILOVER_GRACE} without a
 *       heartbeat) moves to another worker under a new epoch, its latest backup restored there;</li>
 *   <li>an account its live worker does not hold (the worker restarted, or missed the start) is started there
 *       again;</li>
 *   <li>a session a worker holds for an account that is deleted, assigned elsewhere or under an older epoch is
 *       stopped there (and a profile left on a worker the account moved away from is removed), so one account
 *       never runs on two workers;</li>
 *   <li>a draining worker's accounts move to others one at a time ({@link Drains}).</li>
 * </ul>
 * Re-sent commands are spaced by {@code RECONCILE_RESEND_AFTER}.
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final AccountService accounts;
    private final Assignments assignments;
    private final WorkerRegistry workers;
    private final SessionPlacement placement;
    private final CommandSender sender;
    private final ProfileBackupStore backups;
    private final Leadership leadership;
    private final Drains drains;
    private final WorkerLinkSettings settings;
    private final Clock clock;
    private final Map<String, Instant> lastResent = new ConcurrentHashMap<>();
    private final AtomicLong unplaced = new AtomicLong();

    Reconciler(
            AccountService accounts,
            Assignments assignments,
            WorkerRegistry workers,
            SessionPlacement placement,
            CommandSender sender,
            ProfileBackupStore backups,
            Leadership leadership,
            Drains drains,
            WorkerLinkSettings settings,
            Clock clock,
            MeterRegistry meters) {
        Gauge.builder("wamonitor.accounts.unplaced", unplaced, AtomicLong::get)
                .description("Accounts no worker has room for (status INIT, no_worker_capacity): add a worker or slots")
                .register(meters);
        this.accounts = accounts;
        this.assignments = assignments;
        this.workers = workers;
        this.placement = placement;
        this.sender = sender;
        this.backups = backups;
        this.leadership = leadership;
        this.drains = drains;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 3_000, fixedDelayString = "${wamonitor.worker-link.reconcile-interval:1s}")
    void reconcile() {
        workers.sync();
        try {
            unplaced.set(assignments.all().stream().filter(a -> !a.placed()).count());
        } catch (DataAccessException e) {
            log.debug("Assignments not counted: {}", e.getMessage());
        }
        if (!leadership.isLeader()) {
            return;
        }
        try {
            reconcileNow();
        } catch (DataAccessException e) {
            log.debug("Reconciliation waits for MongoDB: {}", e.getMessage());
        }
    }

    synchronized void reconcileNow() {
        Instant now = clock.instant();
        List<AccountView> all = accounts.list();
        Map<String, AccountView> byId = all.stream().collect(Collectors.toMap(AccountView::id, Function.identity()));
        Map<String, Assignment> assigned =
                assignments.all().stream().collect(Collectors.toMap(Assignment::account, Function.identity()));
        Map<String, WorkerHeartbeat> live = new HashMap<>();
        workers.alive().forEach(h -> live.put(h.workerId(), h.heartbeat()));

        for (AccountView account : all) {
            Assignment assignment = assigned.get(account.id());
            if (assignment != null && assignment.moving()) {
                continue; // a drain is moving it
            }
            if (assignment == null || !assignment.placed()) {
                placeUnplaced(account, assignment, live);
            } else if (workers.isLost(assignment.worker())) {
                failOver(account, assignment);
            } else if (live.containsKey(assignment.worker())) {
                keepStarted(account, assignment, live.get(assignment.worker()), now);
            }
        }
        for (WorkerHeartbeat worker : live.values()) {
            stopWhatIsNotTheirs(worker, byId, assigned);
        }
        drains.advance(byId, live);
        lastResent.keySet().removeIf(key -> lastResent.get(key).isBefore(now.minus(Duration.ofHours(1))));
    }

    private void placeUnplaced(AccountView account, Assignment assignment, Map<String, WorkerHeartbeat> live) {
        UUID id = UUID.fromString(account.id());
        if (assignment == null) {
            // No assignment yet (created before assignments existed, or its creation could not place it): prefer
            // a worker that has its profile on disk, so a login on disk is used rather than a new QR code.
            Optional<String> withProfile = live.values().stream()
                    .filter(w -> w.stored().contains(id))
                    .map(WorkerHeartbeat::workerId)
                    .findFirst();
            if (withProfile.isPresent() && !workers.isDraining(withProfile.get())) {
                Set<String> others = live.keySet().stream()
                        .filter(w -> !w.equals(withProfile.get()))
                        .collect(Collectors.toSet());
                if (placement.place(id, account.name(), 0, others, false)) {
                    return;
                }
            }
        }
        if (mayResend("place:" + account.id(), Duration.ofSeconds(5))) {
            placement.place(
                    id,
                    account.name(),
                    assignment == null ? 0 : assignment.epoch(),
                    Set.of(),
                    backups.latestTakenAt(account.id()).isPresent());
        }
    }

    private void failOver(AccountView account, Assignment assignment) {
        boolean backup = backups.latestTakenAt(account.id()).isPresent();
        log.warn(
                "Worker {} is lost (silent for {} s): account {} moves to another worker{}",
                assignment.worker(),
                settings.lostAfter().toSeconds(),
                account.id(),
                backup ? " with its profile backup" : " without a backup (it will need a new QR code)");
        placement.place(
                UUID.fromString(account.id()), account.name(), assignment.epoch(), Set.of(assignment.worker()), backup);
    }

    /** The account's live worker should hold it under its epoch: if it does not, start it there again. */
    private void keepStarted(AccountView account, Assignment assignment, WorkerHeartbeat worker, Instant now) {
        Optional<WorkerHeartbeat.HeldSession> held = worker.sessions().stream()
                .filter(s -> s.accountId().toString().equals(account.id()))
                .findFirst();
        if (held.isPresent() && (held.get().epoch() == null || held.get().epoch() == assignment.epoch())) {
            if (assignment.restorePending()) {
                assignments.restored(account.id(), assignment.epoch());
            }
            return;
        }
        if (account.createdAt() != null
                && account.createdAt().isAfter(now.minus(settings.reconcileGrace()))
                && assignment.updatedAt() != null
                && assignment.updatedAt().isAfter(now.minus(settings.reconcileGrace()))) {
            return; // just created or placed: its start is on its way
        }
        if (mayResend("start:" + account.id(), settings.resendAfter())) {
            log.info(
                    "Worker {} does not hold account {} (epoch {}); sending its start again",
                    worker.workerId(),
                    account.id(),
                    assignment.epoch());
            placement.startOn(assignment, account.name());
        }
    }

    /** Sessions and profiles a live worker has for accounts that are gone or belong elsewhere now. */
    private void stopWhatIsNotTheirs(
            WorkerHeartbeat worker, Map<String, AccountView> accountsById, Map<String, Assignment> assigned) {
        String id = worker.workerId();
        for (WorkerHeartbeat.HeldSession held : worker.sessions()) {
            String account = held.accountId().toString();
            Assignment assignment = assigned.get(account);
            if (!accountsById.containsKey(account)) {
                if (mayResend("delete:" + id + ":" + account, settings.resendAfter())) {
                    log.info("Worker {} still holds deleted account {}; deleting it there", id, account);
                    sender.send(id, held.accountId(), null, new StopSession("account no longer exists"));
                    sender.send(id, held.accountId(), null, new DeleteSession("account no longer exists"));
                }
            } else if (assignment != null
                    && assignment.placed()
                    && !assignment.moving()
                    && (!id.equals(assignment.worker())
                            || (held.epoch() != null && held.epoch() < assignment.epoch()))) {
                if (mayResend("stop:" + id + ":" + account, Duration.ofSeconds(5))) {
                    log.warn(
                            "Worker {} runs account {} under epoch {}, but it belongs to {} (epoch {}); stopping it "
                                    + "there",
                            id,
                            account,
                            held.epoch(),
                            assignment.worker(),
                            assignment.epoch());
                    sender.send(
                            id,
                            held.accountId(),
                            assignment.epoch(),
                            new StopSession("the account belongs to " + assignment.worker()));
                }
            }
        }
        for (UUID stored : worker.stored()) {
            String account = stored.toString();
            boolean held =
                    worker.sessions().stream().anyMatch(s -> s.accountId().equals(stored));
            if (held) {
                continue;
            }
            Assignment assignment = assigned.get(account);
            boolean gone = !accountsById.containsKey(account);
            boolean movedAndRunning = assignment != null
                    && assignment.placed()
                    && !assignment.moving()
                    && !id.equals(assignment.worker())
                    && !assignment.restorePending()
                    && runsOn(assignment, stored);
            if ((gone || movedAndRunning) && mayResend("forget:" + id + ":" + account, settings.resendAfter())) {
                log.info(
                        "Worker {} keeps the profile of account {}, which {}; removing it there",
                        id,
                        account,
                        gone ? "no longer exists" : "runs on " + assignment.worker());
                sender.send(
                        id,
                        stored,
                        gone ? null : assignment.epoch(),
                        new DeleteSession(gone ? "account no longer exists" : "moved to " + assignment.worker()));
            }
        }
    }

    private boolean runsOn(Assignment assignment, UUID account) {
        return workers.alive(assignment.worker())
                .map(h -> h.sessions().stream()
                        .anyMatch(s -> s.accountId().equals(account)
                                && Objects.equals(s.epoch(), assignment.epoch())
                                && s.status() == AccountStatus.READY))
                .orElse(false);
    }

    private boolean mayResend(String key, Duration spacing) {
        Instant now = clock.instant();
        Instant last = lastResent.get(key);
        if (last != null && last.plus(spacing).isAfter(now)) {
            return false;
        }
        lastResent.put(key, now);
        return true;
    }
}
