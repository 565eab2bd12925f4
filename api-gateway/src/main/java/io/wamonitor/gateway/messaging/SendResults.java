package io.wamonitor.gateway.messaging;

import io.wamonitor.contracts.event.SendResult;
import io.wamonitor.gateway.api.WorkerBroadcast;
import io.wamonitor.gateway.api.WorkerEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The results of send commands, whichever gateway sent them and whenever they arrive: the sent message is
 * recorded (for its delivery status), the Idempotency-Key bound to the command settles, and the request waiting
 * for it (if on this gateway, and still waiting) gets its answer. Idempotent: a result reported twice changes
 * nothing the second time.
 */
@Component
class SendResults {

    private final SentMessages sent;
    private final IdempotencyKeys idempotency;
    private final PendingSends pending;

    SendResults(SentMessages sent, IdempotencyKeys idempotency, PendingSends pending) {
        this.sent = sent;
        this.idempotency = idempotency;
        this.pending = pending;
    }

    @EventListener
    void on(WorkerEvent<SendResult> event) {
        SendResult result = event.payload();
        if (result.commandId() == null) {
            return;
        }
        String account = event.accountId().toString();
        String to = chatOf(result.messageId());
        if (result.ok()) {
            sent.sent(account, result.messageId(), to, result.ack() == null ? 0 : result.ack());
        }
        idempotency.settle(account, result.commandId(), result);
        pending.complete(result.commandId(), result);
    }

    /**
     * Every gateway instance sees every send result: the request waiting for it may be on this instance while
     * another one stores it (above).
     */
    @EventListener
    void onBroadcast(WorkerBroadcast<SendResult> event) {
        SendResult result = event.payload();
        if (result.commandId() != null) {
            pending.complete(result.commandId(), result);
        }
    }

    /** The chat of a serialized message key {@code true_<chat>_<id>}. */
    private static String chatOf(String messageId) {
        if (messageId == null) {
            return null;
        }
        int first = messageId.indexOf('_');
        int last = messageId.lastIndexOf('_');
        return first >= 0 && last > first ? messageId.substring(first + 1, last) : null;
    }
}
