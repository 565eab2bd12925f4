package io.wamonitor.contracts.event;

import io.wamonitor.contracts.Payload;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A worker's capacity and the accounts it holds right now, sent periodically and after every slot change. */
public record WorkerHeartbeat(String workerId, int slotsTotal, int slotsUsed, List<UUID> accounts, Instant startedAt)
        implements Payload {

    public WorkerHeartbeat {
        Objects.requireNonNull(workerId, "workerId");
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }
}
