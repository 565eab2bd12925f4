package io.wamonitor.gateway.worker;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** The workers the gateway has heard from, with their last heartbeat. Kept in memory: heartbeats rebuild it. */
@Component
class WorkerRegistry {

    private final ConcurrentMap<String, WorkerView> workers = new ConcurrentHashMap<>();
    private final WorkerLinkSettings settings;
    private final Clock clock;

    WorkerRegistry(WorkerLinkSettings settings, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.clock = clock;
        Gauge.builder("wamonitor.workers.alive", this, r -> r.alive().count())
                .description("Workers whose heartbeat is recent (WORKER_TIMEOUT)")
                .register(meters);
        Gauge.builder(
                        "wamonitor.workers.slots",
                        this,
                        r -> r.alive().mapToInt(WorkerView::slotsTotal).sum())
                .tag("state", "total")
                .description("Account slots of the live workers")
                .register(meters);
        Gauge.builder(
                        "wamonitor.workers.slots",
                        this,
                        r -> r.alive().mapToInt(WorkerView::slotsUsed).sum())
                .tag("state", "used")
                .description("Account slots of the live workers")
                .register(meters);
    }

    private Stream<WorkerView> alive() {
        Instant now = clock.instant();
        return workers.values().stream().filter(w -> isAlive(w, now));
    }

    void record(WorkerHeartbeat heartbeat) {
        workers.put(
                heartbeat.workerId(),
                new WorkerView(
                        heartbeat.workerId(),
                        heartbeat.slotsTotal(),
                        heartbeat.slotsUsed(),
                        heartbeat.accounts(),
                        heartbeat.startedAt(),
                        clock.instant(),
                        true));
    }

    List<WorkerView> all() {
        Instant now = clock.instant();
        return workers.values().stream()
                .map(w -> w.withAlive(isAlive(w, now)))
                .sorted(Comparator.comparing(WorkerView::workerId))
                .toList();
    }

    /** Accounts held by workers that are still alive. */
    Set<UUID> heldAccounts() {
        Instant now = clock.instant();
        Set<UUID> held = new HashSet<>();
        workers.values().stream().filter(w -> isAlive(w, now)).forEach(w -> held.addAll(w.accounts()));
        return held;
    }

    /** Whether the worker has been heard from within {@code WORKER_TIMEOUT}. */
    boolean isAlive(String workerId) {
        WorkerView worker = workers.get(workerId);
        return worker != null && isAlive(worker, clock.instant());
    }

    private boolean isAlive(WorkerView worker, Instant now) {
        return worker.lastHeartbeatAt().plus(settings.workerTimeout()).isAfter(now);
    }

    /** A worker as {@code GET /api/workers} shows it. */
    record WorkerView(
            String workerId,
            int slotsTotal,
            int slotsUsed,
            List<UUID> accounts,
            Instant startedAt,
            Instant lastHeartbeatAt,
            boolean alive) {

        WorkerView withAlive(boolean isAlive) {
            return new WorkerView(workerId, slotsTotal, slotsUsed, accounts, startedAt, lastHeartbeatAt, isAlive);
        }
    }
}
