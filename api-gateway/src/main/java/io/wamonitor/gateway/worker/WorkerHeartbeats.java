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
import org.springframework.dao.DataAccessException;
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
    private final Leadership leadership;
    private final Assignments assignments;
    private final AccountService accounts;
    private final ApplicationEventPublisher features;
    private final WorkerLinkSettings settings;
    private final Clock clock;
    private final Instant startedAt;

    WorkerHeartbeats(
            WorkerRegistry workers,
            Leadership leadership,
            Assignments assignments,
            AccountService accounts,
            ApplicationEventPublisher features,
            WorkerLinkSettings settings,
            Clock clock) {
        this.workers = workers;
        this.leadership = leadership;
        this.assignments = assignments;
        this.accounts = accounts;
        this.features = features;
        this.settings = settings;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /**
     * A heartbeat (every instance gets each one): the registry learns it; the leader records the statuses it
     * carries where the stored ones differ, for sessions of the account's owner under its current epoch.
     */
    void on(Envelope<?> envelope, WorkerHeartbeat heartbeat) {
        workers.record(heartbeat);
        if (!leadership.isLeader()) {
            return;
        }
        try {
            correctStatuses(envelope, heartbeat);
        } catch (DataAccessException e) {
            // The next heartbeat tries again; this one must not hold the others up.
            log.debug("Statuses from a heartbeat of {} not corrected: {}", heartbeat.workerId(), e.getMessage());
        }
    }

    private void correctStatuses(Envelope<?> envelope, WorkerHeartbeat heartbeat) {
        for (WorkerHeartbeat.HeldSession held : heartbeat.sessions()) {
            boolean owner = assignments
                    .find(held.accountId().toString())
                    .map(a -> !a.moving()
                            && heartbeat.workerId().equals(a.worker())
                            && (held.epoch() == null || held.epoch() == a.epoch()))
                    .orElse(held.epoch() == null);
            if (!owner) {
                continue;
            }
            accounts.find(held.accountId().toString())
                    .filter(account -> differs(account, held, heartbeat.workerId())
                            && (unreachable(account)
                                    || account.updatedAt() == null
                                    || account.updatedAt().plus(SETTLE).isBefore(envelope.occurredAt())))
                    .ifPresent(account -> report(
                            held.accountId(),
                            new AccountStatusChanged(
                                    held.status(),
                                    held.reason(),
                                    heartbeat.workerId(),
                                    held.phone(),
                                    held.whatsappWebVersion(),
                                    held.waJsVersion()),
                            envelope.occurredAt()));
        }
    }

    private static boolean differs(AccountView account, WorkerHeartbeat.HeldSession held, String workerId) {
        return account.status() != held.status()
                || !Objects.equals(account.statusReason(), held.reason())
                || !Objects.equals(account.workerId(), workerId)
                || (held.whatsappWebVersion() != null
                        && !Objects.equals(account.whatsappWebVersion(), held.whatsappWebVersion()));
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
        if (!leadership.isLeader() || startedAt.plus(settings.workerTimeout()).isAfter(now)) {
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
