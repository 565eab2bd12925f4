package io.wamonitor.gateway.worker;

import io.wamonitor.contracts.command.SendMessage;
import io.wamonitor.contracts.event.PairingCodeResult;
import io.wamonitor.contracts.event.SnapshotResult;
import java.time.Duration;
import java.util.UUID;

/**
 * Requests to the worker holding an account. The request-reply calls wait at most {@code WORKER_REPLY_TIMEOUT}
 * and throw {@link WorkerUnavailableException} rather than hang; the others return once the broker has the
 * command.
 */
public interface WorkerRequests {

    SnapshotResult snapshot(UUID account, String format, Integer quality);

    PairingCodeResult pairingCode(UUID account, String phone);

    /**
     * Hands a send to the worker (the broker confirmed it) under the envelope id {@code commandId}; its result
     * comes back as a SendResult event. False when the broker did not take it: then it was certainly not sent.
     */
    boolean send(UUID account, UUID commandId, SendMessage message);

    /** How long a request waits for the worker ({@code WORKER_REPLY_TIMEOUT}); also the deadline of a send. */
    Duration replyTimeout();

    void logout(UUID account);

    void restart(UUID account, String accountName);
}
