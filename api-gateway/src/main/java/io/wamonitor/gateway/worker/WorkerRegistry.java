package io.wamonitor.gateway.worker;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The workers: their last heartbeat (each gateway instance gets every heartbeat, so each has them in memory) and
 * what the operator decided (draining) and when each was last heard from (MongoDB, shared). A worker is
 * {@code alive} while heard from within {@code WORKER_TIMEOUT}, {@code unreachable} after it, and {@code lost}
 * after {@code WORKER_TIMEOUT} plus {@code WORKER_FAILOVER_GRACE}: its accounts move to other workers.
 */
@Component
class WorkerRegistry {

    private static final Logger log = LoggerFactory.getLogger(WorkerRegistry.class);

    private final ConcurrentMap<String, Heard> workers = new ConcurrentHashMap<>();
    private final WorkerStates states;
    private final WorkerLinkSettings settings;
    private final Clock clock;
    private final Instant startedAt;
    private volatile Instant lastHeartbeatAt;
    private volatile Map<String, WorkerStates.Known> known;

    WorkerRegistry(WorkerStates states, WorkerLinkSettings settings, Clock clock, MeterRegistry meters) {
        this.states = states;
        this.settings = settings;
        this.clock = clock;
        this.startedAt = clock.instant();
        Gauge.builder("wamonitor.workers.alive", this, r -> r.alive().size())
                .description("Workers whose heartbeat is recent (WORKER_TIMEOUT)")
                .register(meters);
        Gauge.builder(
                        "wamonitor.workers.lost",
                        this,
                        r -> r.views().stream()
                                .filter(w -> w.state() == WorkerState.LOST)
                                .count())
                .description("Workers silent for WORKER_TIMEOUT plus WORKER_FAILOVER_GRACE (accounts moved off them)")
                .register(meters);
        Gauge.builder(
                        "wamonitor.workers.slots",
                        this,
                        r -> r.alive().stream().mapToInt(Heard::slotsTotal).sum())
                .tag("state", "total")
                .description("Account slots of the live workers")
                .register(meters);
        Gauge.builder(
                        "wamonitor.workers.slots",
                        this,
                        r -> r.alive().stream().mapToInt(Heard::slotsUsed).sum())
                .tag("state", "used")
                .description("Account slots of the live workers")
                .register(meters);
    }

    void record(WorkerHeartbeat heartbeat) {
        Instant now = clock.instant();
        lastHeartbeatAt = now;
        Heard previous = workers.put(heartbeat.workerId(), new Heard(heartbeat, now));
        if (previous == null) {
            log.info(
                    "Worker {} reports in: {} of {} slots used",
                    heartbeat.workerId(),
                    heartbeat.slotsUsed(),
                    heartbeat.slotsTotal());
        }
    }

    /** Re-reads the shared worker states (draining, last heard) and writes when this instance heard each. */
    void sync() {
        try {
            Map<String, WorkerStates.Known> before = known();
            workers.forEach((id, heard) -> {
                WorkerStates.Known k = before.get(id);
                if (k != null && k.forgottenAt() != null && !heard.at().isAfter(k.forgottenAt())) {
                    workers.remove(id, heard); // removed by the operator, and not heard from since
                } else {
                    states.heard(id, heard.at());
                }
            });
            known = states.all();
        } catch (DataAccessException e) {
            log.debug("Worker states not synced: {}", e.getMessage());
        }
    }

    void setDraining(String worker, boolean draining) {
        states.setDraining(worker, draining);
        sync();
    }

    void forget(String worker) {
        states.forget(worker);
        workers.remove(worker);
        known = null;
        sync();
    }

    /** The last heartbeat of a worker heard within {@code WORKER_TIMEOUT}. */
    Optional<WorkerHeartbeat> alive(String workerId) {
        Heard heard = workers.get(workerId);
        return heard != null && isAlive(heard, clock.instant()) ? Optional.of(heard.heartbeat()) : Optional.empty();
    }

    List<Heard> alive() {
        Instant now = clock.instant();
        return workers.values().stream().filter(h -> isAlive(h, now)).toList();
    }

    boolean isAlive(String workerId) {
        return alive(workerId).isPresent();
    }

    /** The shared worker states, read once when first needed (a gateway that just started knows them at once). */
    private Map<String, WorkerStates.Known> known() {
        Map<String, WorkerStates.Known> current = known;
        if (current == null) {
            try {
                current = states.all();
            } catch (DataAccessException e) {
                current = Map.of();
            }
            known = current;
        }
        return current;
    }

    boolean isDraining(String workerId) {
        WorkerStates.Known k = known().get(workerId);
        return k != null && k.draining();
    }

    /**
     * Whether the worker is lost: not heard from for {@code WORKER_TIMEOUT} plus {@code WORKER_FAILOVER_GRACE},
     * counted from when this instance could have heard it (it started, or it last heard it, or any instance did).
     * Never while this instance hears no worker at all: then RabbitMQ (or this gateway's link to it) is the
     * trouble, not the worker.
     */
    boolean isLost(String workerId) {
        Instant now = clock.instant();
        Instant cutoff = now.minus(settings.lostAfter());
        if (startedAt.isAfter(cutoff)) {
            return false;
        }
        Instant anyHeartbeat = lastHeartbeatAt;
        if (anyHeartbeat == null || anyHeartbeat.isBefore(now.minus(settings.workerTimeout()))) {
            return false;
        }
        Heard heard = workers.get(workerId);
        if (heard != null && !heard.at().isBefore(cutoff)) {
            return false;
        }
        WorkerStates.Known k = known().get(workerId);
        return k == null || k.lastHeardAt() == null || k.lastHeardAt().isBefore(cutoff);
    }

    /** Every worker heard from or recorded, with its state. */
    List<WorkerView> views() {
        Instant now = clock.instant();
        Map<String, WorkerView> views = new HashMap<>();
        for (Heard heard : workers.values()) {
            WorkerStates.Known k = known().get(heard.workerId());
            if (k == null || k.forgottenAt() == null || heard.at().isAfter(k.forgottenAt())) {
                views.put(heard.workerId(), view(heard.workerId(), heard, now));
            }
        }
        for (var entry : known().entrySet()) {
            if (!entry.getValue().forgotten()) {
                views.computeIfAbsent(entry.getKey(), id -> view(id, null, now));
            }
        }
        List<WorkerView> list = new ArrayList<>(views.values());
        list.sort(Comparator.comparing(WorkerView::workerId));
        return list;
    }

    Optional<WorkerView> view(String workerId) {
        return views().stream().filter(w -> w.workerId().equals(workerId)).findFirst();
    }

    private WorkerView view(String workerId, Heard heard, Instant now) {
        boolean draining = isDraining(workerId);
        WorkerState state;
        if (heard != null && isAlive(heard, now)) {
            state = draining ? WorkerState.DRAINING : WorkerState.ALIVE;
        } else {
            state = isLost(workerId) ? WorkerState.LOST : WorkerState.UNREACHABLE;
        }
        WorkerStates.Known k = known().get(workerId);
        Instant lastHeard = heard != null ? heard.at() : k == null ? null : k.lastHeardAt();
        return new WorkerView(workerId, state, heard == null ? null : heard.heartbeat(), draining, lastHeard);
    }

    private boolean isAlive(Heard heard, Instant now) {
        return heard.at().plus(settings.workerTimeout()).isAfter(now);
    }

    /** A heartbeat and when this instance received it. */
    record Heard(WorkerHeartbeat heartbeat, Instant at) {
        String workerId() {
            return heartbeat.workerId();
        }

        int slotsTotal() {
            return heartbeat.slotsTotal();
        }

        int slotsUsed() {
            return heartbeat.slotsUsed();
        }
    }

    enum WorkerState {
        ALIVE,
        DRAINING,
        UNREACHABLE,
        LOST
    }

    /** A worker and its state; {@code heartbeat} is null when this instance has not heard it. */
    record WorkerView(
            String workerId, WorkerState state, WorkerHeartbeat heartbeat, boolean draining, Instant lastHeardAt) {}
}
