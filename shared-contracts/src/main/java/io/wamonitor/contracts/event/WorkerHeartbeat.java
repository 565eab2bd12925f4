package io.wamonitor.contracts.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.Payload;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A worker's capacity and the accounts it holds right now with each one's status, sent periodically and after
 * every slot change. The statuses let the gateway correct anything it missed, and tell a worker that went quiet
 * from one that is just idle; capacity and memory are what placement decides by.
 *
 * @param memoryBytes      the memory its browsers use now (sum of their PSS), 0 when unknown
 * @param memoryLimitBytes {@code WORKER_MEMORY_LIMIT}: what its browsers may use together, 0 for no limit
 * @param stored           accounts whose profile is on this worker's disk, held or not (so the gateway can remove
 *                         the ones that moved elsewhere)
 */
public record WorkerHeartbeat(
        String workerId,
        int slotsTotal,
        int slotsUsed,
        List<UUID> accounts,
        Instant startedAt,
        List<HeldSession> sessions,
        long memoryBytes,
        long memoryLimitBytes,
        List<UUID> stored)
        implements Payload {

    public WorkerHeartbeat {
        Objects.requireNonNull(workerId, "workerId");
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        stored = stored == null ? List.of() : List.copyOf(stored);
    }

    /**
     * One held account as the worker sees it now.
     *
     * @param epoch the assignment epoch the session runs under (null: started by a gateway that had none)
     * @param whatsappWebVersion the WhatsApp Web build its page runs (null: not known yet)
     * @param waJsVersion the wa-js release injected into it
     * @param health how alive the session is (null: a worker from before session health)
     */
    public record HeldSession(
            UUID accountId,
            AccountStatus status,
            String reason,
            String phone,
            Long epoch,
            String whatsappWebVersion,
            String waJsVersion,
            SessionHealth health) {

        public HeldSession(UUID accountId, AccountStatus status, String reason, String phone, Long epoch) {
            this(accountId, status, reason, phone, epoch, null, null, null);
        }

        public HeldSession withHealth(SessionHealth newHealth) {
            return new HeldSession(accountId, status, reason, phone, epoch, whatsappWebVersion, waJsVersion, newHealth);
        }
    }

    /**
     * What the worker knows of a session's liveness.
     *
     * @param state              {@code ok}, {@code degraded} or {@code stalled}
     * @param connectedSince     when the session last became READY (null: not READY)
     * @param lastEventAt        when the page last reported anything (a status, a message, a receipt)
     * @param lastServerContactAt when the page last heard from WhatsApp's servers (an event from them, or an
     *                           answered round trip)
     * @param healsLast24h       heal steps taken in the last 24 hours (reload, relaunch, give up)
     * @param browserMemoryBytes the memory (PSS) of the account's browser and driver as last measured; 0 unknown
     */
    public record SessionHealth(
            String state,
            Instant connectedSince,
            Instant lastEventAt,
            Instant lastServerContactAt,
            @JsonProperty("heals_last_24h") int healsLast24h,
            long browserMemoryBytes) {

        public SessionHealth withMemory(long bytes) {
            return new SessionHealth(state, connectedSince, lastEventAt, lastServerContactAt, healsLast24h, bytes);
        }
    }
}
