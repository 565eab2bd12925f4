package io.wamonitor.gateway.worker;

import io.wamonitor.contracts.event.PairingCodeResult;
import io.wamonitor.contracts.event.SnapshotResult;

import java.util.UUID;

/**
 * Requests to the worker holding an account. The request-reply calls wait at most {@code WORKER_REPLY_TIMEOUT}
 * and throw {@link WorkerUnavailableException} rather than hang; the others return once the broker has the
 * command.
 */
public interface WorkerRequests {

    SnapshotResult snapshot(UUID account, String format, Integer quality);

    PairingCodeResult pairingCode(UUID account, String phone);

    io.wamonitor.contracts.event.SendResult send(UUID account, io.wamonitor.contracts.command.SendMessage message);

    void logout(UUID account);

    void restart(UUID account, String accountName);
}
