package io.wamonitor.gateway.worker;

import io.wamonitor.contracts.event.WorkerHeartbeat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What the worker holding an account last reported of its session (status, versions, health). */
@Component
public class SessionReports {

    private final WorkerRegistry workers;

    SessionReports(WorkerRegistry workers) {
        this.workers = workers;
    }

    /** The account's session in the last heartbeat of {@code workerId}, while that worker is alive. */
    public Optional<WorkerHeartbeat.HeldSession> held(String accountId, String workerId) {
        if (accountId == null || workerId == null) {
            return Optional.empty();
        }
        return workers.alive(workerId)
                .flatMap(heartbeat -> heartbeat.sessions().stream()
                        .filter(s -> s.accountId().toString().equals(accountId))
                        .findFirst());
    }
}
