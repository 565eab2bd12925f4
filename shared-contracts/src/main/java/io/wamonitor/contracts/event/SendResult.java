package io.wamonitor.contracts.event;

import io.wamonitor.contracts.Payload;

/**
 * The answer to a SendMessage request.
 *
 * @param code when not ok: {@code RECIPIENT_NOT_ON_WHATSAPP}, {@code ACCOUNT_NOT_READY}, {@code SEND_FAILED}, ...
 * @param ack  1 once WhatsApp's server accepted the message
 */
public record SendResult(boolean ok, String code, String message, String messageId, Integer ack, Long timestamp)
        implements Payload {

    public static SendResult failed(String code, String message) {
        return new SendResult(false, code, message, null, null, null);
    }
}
