package io.wamonitor.contracts.event;

import io.wamonitor.contracts.Payload;
import java.util.UUID;

/**
 * How a SendMessage command ended, published as an event (recorded by the worker before it is sent, so it
 * survives a worker crash and reaches whichever gateway is up, even one that restarted since).
 *
 * @param code      when not ok: {@code RECIPIENT_NOT_ON_WHATSAPP}, {@code ACCOUNT_NOT_READY},
 *                  {@code DEADLINE_EXCEEDED} (not sent: the command came too late), {@code SEND_INTERRUPTED}
 *                  (the worker stopped during the send and WhatsApp Web shows no such message), {@code ACCOUNT_MOVED} (not
 *                  sent: the account belongs to another worker now), {@code SEND_FAILED}
 * @param ack       1 once WhatsApp's server accepted the message
 * @param commandId the envelope id of the SendMessage command this answers
 */
public record SendResult(
        boolean ok, String code, String message, String messageId, Integer ack, Long timestamp, UUID commandId)
        implements Payload {

    public static SendResult failed(String code, String message) {
        return new SendResult(false, code, message, null, null, null, null);
    }

    /** The same result, answering the command {@code id}. */
    public SendResult forCommand(UUID id) {
        return new SendResult(ok, code, message, messageId, ack, timestamp, id);
    }

    /**
     * Whether the worker never started the send (no session, not READY, too late): the message certainly did
     * not go out, so the same request may simply be tried again.
     */
    public boolean notAttempted() {
        return !ok
                && ("DEADLINE_EXCEEDED".equals(code)
                        || "ACCOUNT_NOT_READY".equals(code)
                        || "SESSION_NOT_FOUND".equals(code)
                        || "ACCOUNT_MOVED".equals(code));
    }
}
