package io.wamonitor.gateway.worker;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A worker as {@code GET /api/workers} shows it.
 *
 * @param state            {@code alive}; {@code draining} (alive, its accounts moving off it); {@code unreachable}
 *                         (no heartbeat for {@code WORKER_TIMEOUT}: its accounts show DISCONNECTED); {@code lost}
 *                         (none for {@code WORKER_TIMEOUT} plus {@code WORKER_FAILOVER_GRACE}: its accounts moved)
 * @param alive            heard from within {@code WORKER_TIMEOUT}
 * @param freeSlots        slots a new account could take now
 * @param memoryBytes      what its browsers use together (PSS)
 * @param memoryLimitBytes its {@code WORKER_MEMORY_LIMIT}, 0 for none
 * @param accounts         the accounts assigned to it
 * @param held             the accounts it reported holding in its last heartbeat
 */
record WorkerInfo(
        String workerId,
        String state,
        boolean alive,
        boolean draining,
        int slotsTotal,
        int slotsUsed,
        int freeSlots,
        long memoryBytes,
        long memoryLimitBytes,
        List<String> accounts,
        List<UUID> held,
        Instant startedAt,
        Instant lastHeartbeatAt) {}
