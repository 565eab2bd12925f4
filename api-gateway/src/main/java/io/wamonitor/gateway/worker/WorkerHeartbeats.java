package io.wamonitor.gateway.worker;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.MessageCatalog;
import io.wamonitor.contracts.event.AccountStatusChanged;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.gateway.account.AccountService;
import io.wamonitor.gateway.account.AccountView;
import io.wamonitor.gateway.api.WorkerEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps account statuses true to what the workers report: a heartbeat carries each held account's status, and
 * where the stored one differs (an event was missed, or the account was shown unreachable) the heartbeat's is
 * recorded; an account whose worker has not been heard from within {@code WORKER_TIMEOUT} is shown
 * {@code DISCONNECTED} with reason {@code worker_unreachable}, so nobody sends through a dead worker. Both go
 * through the same path as a worker's own status event (stored, then a {@code status} webhook).
 */
@Component
class WorkerHeartbeats {

    static final String UNREACHABLE = "worker_unreachable";
    /**
     * A heartbeat corrects a status only once the stored one is this old: a status event the worker published
     * just before (still on its way through its journal) must not be overtaken.
     */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(WorkerHeartbeats.class);

    private final WorkerRegistry workers;
    private final SessionReconciler reconciler;
    private final AccountService accounts;
    private final ApplicationEventPublisher features;
    private final WorkerLinkSettings settings;
    private final Clock clock;
    private final Instant startedAt;

    WorkerHeartbeats(
            WorkerRegistry workers,
            SessionReconciler reconciler,
            AccountService accounts,
            ApplicationEventPublisher features,
            WorkerLinkSettings settings,
            Clock clock) {
        this.workers = workers;
        this.reconciler = reconciler;
        this.accounts = accounts;
        this.features = features;
        this.settings = settings;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @EventListener
    void on(WorkerEvent<WorkerHeartbeat> event) {
        WorkerHeartbeat heartbeat = event.payload();
        workers.record(heartbeat);
        for (WorkerHeartbeat.HeldSession held : heartbeat.sessions()) {
            accounts.find(held.accountId().toString())
                    .filter(account -> differs(account, held, heartbeat.workerId())
                            && (unreachable(account)
                                    || account.updatedAt() == null
                                    || account.updatedAt().plus(SETTLE).isBefore(event.occurredAt())))
                    .ifPresent(account -> report(
                            held.accountId(),
                            new AccountStatusChanged(held.status(), held.reason(), heartbeat.workerId(), held.phone()),
                            event.occurredAt()));
        }
        try {
            reconciler.reconcile();
        } catch (RuntimeException e) {
            // Reconciliation runs again on the next heartbeat; it must not hold this event up.
            log.warn("Reconciling sessions with workers failed; retrying on the next heartbeat", e);
        }
    }

    private static boolean differs(AccountView account, WorkerHeartbeat.HeldSession held, String workerId) {
        return account.status() != held.status()
                || !Objects.equals(account.statusReason(), held.reason())
                || !Objects.equals(account.workerId(), workerId);
    }

    private static boolean unreachable(AccountView account) {
        return account.statusReason() != null && account.statusReason().startsWith(UNREACHABLE);
    }

    /**
     * Accounts on a worker that went quiet. Not before the gateway itself has been up for a worker timeout: a
     * gateway that just started has heard from nobody yet.
     */
    @Scheduled(initialDelay = 5_000, fixedDelayString = "${wamonitor.worker-link.liveness-check:5s}")
    void markAccountsOfSilentWorkers() {
        Instant now = clock.instant();
        if (startedAt.plus(settings.workerTimeout()).isAfter(now)) {
            return;
        }
        for (AccountView account : accounts.list()) {
            String worker = account.workerId();
            if (worker == null || workers.isAlive(worker) || unreachable(account)) {
                continue;
            }
            log.warn(
                    "Account {}: worker {} has not been heard from for {} s; the account is DISCONNECTED until it "
                            + "reports again",
                    account.id(),
                    worker,
                    settings.workerTimeout().toSeconds());
            report(
                    UUID.fromString(account.id()),
                    new AccountStatusChanged(
                            AccountStatus.DISCONNECTED,
                            UNREACHABLE + ": no heartbeat from " + worker + " for "
                                    + settings.workerTimeout().toSeconds() + " s",
                            worker,
                            null),
                    now);
        }
    }

    private void report(UUID account, AccountStatusChanged status, Instant at) {
        features.publishEvent(new WorkerEvent<>(
                new Envelope<>(UUID.randomUUID(), MessageCatalog.typeOf(status), at, account, status)));
    }
}
