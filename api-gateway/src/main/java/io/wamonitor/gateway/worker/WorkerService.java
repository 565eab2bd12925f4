package io.wamonitor.gateway.worker;

import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.gateway.api.ApiProblem;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** The workers for the API: what each is doing, and draining one. */
@Service
class WorkerService {

    private static final Logger log = LoggerFactory.getLogger(WorkerService.class);

    private final WorkerRegistry registry;
    private final Assignments assignments;

    WorkerService(WorkerRegistry registry, Assignments assignments) {
        this.registry = registry;
        this.assignments = assignments;
    }

    List<WorkerInfo> list() {
        Map<String, Integer> assigned = Placement.countByWorker(assignments.all());
        List<Assignment> all = assignments.all();
        return registry.views().stream().map(view -> info(view, assigned, all)).toList();
    }

    WorkerInfo drain(String workerId, boolean draining) {
        if (registry.view(workerId).isEmpty()) {
            throw new WorkerNotFoundException();
        }
        registry.setDraining(workerId, draining);
        log.info(
                draining ? "Worker {} drains: its accounts move to other workers" : "Worker {} no longer drains",
                workerId);
        return list().stream()
                .filter(w -> w.workerId().equals(workerId))
                .findFirst()
                .orElseThrow(WorkerNotFoundException::new);
    }

    /** Removes a worker that is gone for good (not alive, nothing assigned to it) from the list. */
    void forget(String workerId) {
        WorkerRegistry.WorkerView view = registry.view(workerId).orElseThrow(WorkerNotFoundException::new);
        if (view.state() == WorkerRegistry.WorkerState.ALIVE || view.state() == WorkerRegistry.WorkerState.DRAINING) {
            throw ApiProblem.of(
                    HttpStatus.CONFLICT,
                    "WORKER_ALIVE",
                    "The worker is alive; stop it first (its accounts move to the others) or drain it");
        }
        if (!assignments.onWorker(workerId).isEmpty()) {
            throw ApiProblem.of(
                    HttpStatus.CONFLICT,
                    "WORKER_HAS_ACCOUNTS",
                    "Accounts are still assigned to the worker; they move once it is lost (WORKER_TIMEOUT plus "
                            + "WORKER_FAILOVER_GRACE)");
        }
        registry.forget(workerId);
        log.info("Worker {} removed from the list", workerId);
    }

    private static WorkerInfo info(
            WorkerRegistry.WorkerView view, Map<String, Integer> assigned, List<Assignment> all) {
        WorkerHeartbeat heartbeat = view.heartbeat();
        List<String> accounts = all.stream()
                .filter(a -> view.workerId().equals(a.worker()))
                .map(Assignment::account)
                .sorted()
                .toList();
        boolean alive =
                view.state() == WorkerRegistry.WorkerState.ALIVE || view.state() == WorkerRegistry.WorkerState.DRAINING;
        return new WorkerInfo(
                view.workerId(),
                view.state().name().toLowerCase(Locale.ROOT),
                alive,
                view.draining(),
                heartbeat == null ? 0 : heartbeat.slotsTotal(),
                heartbeat == null ? 0 : heartbeat.slotsUsed(),
                heartbeat == null || !alive || view.draining() ? 0 : Placement.freeSlots(heartbeat, assigned),
                heartbeat == null ? 0 : heartbeat.memoryBytes(),
                heartbeat == null ? 0 : heartbeat.memoryLimitBytes(),
                accounts,
                heartbeat == null ? List.of() : heartbeat.accounts(),
                heartbeat == null ? null : heartbeat.startedAt(),
                view.lastHeardAt());
    }
}
