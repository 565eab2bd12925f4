package io.wamonitor.contracts.event;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.Payload;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A worker's capacity and the accounts it holds right now with each one's status, sent periodically and after
 * every slot change. The statuses let the gateway correct anything it missed, and tell a worker that went quiet
 * from one that is just idle.
 */
public record WorkerHeartbeat(
        String workerId,
        int slotsTotal,
        int slotsUsed,
        List<UUID> accounts,
        Instant startedAt,
        List<HeldSession> sessions)
        implements Payload {

    public WorkerHeartbeat {
        Objects.requireNonNull(workerId, "workerId");
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    /** One held account as the worker sees it now. */
    public record HeldSession(UUID accountId, AccountStatus status, String reason, String phone) {}
}
