package io.wamonitor.gateway.messaging;

import io.wamonitor.contracts.event.SendResult;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Requests of this gateway waiting for the result of their send command, by command id. */
@Component
class PendingSends {

    private final Map<UUID, CompletableFuture<SendResult>> waiting = new ConcurrentHashMap<>();

    CompletableFuture<SendResult> expect(UUID commandId) {
        return waiting.computeIfAbsent(commandId, id -> new CompletableFuture<>());
    }

    void forget(UUID commandId) {
        waiting.remove(commandId);
    }

    /** A result arrived; the request waiting for it (if it is on this gateway and still waits) gets it. */
    void complete(UUID commandId, SendResult result) {
        CompletableFuture<SendResult> future = waiting.remove(commandId);
        if (future != null) {
            future.complete(result);
        }
    }
}
