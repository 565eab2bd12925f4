package io.wamonitor.gateway.messaging;

import io.wamonitor.contracts.event.MessageAckChanged;
import io.wamonitor.contracts.event.SendResult;
import io.wamonitor.gateway.api.ApiProblem;
import io.wamonitor.gateway.api.InvalidRequestException;
import java.time.Instant;
import org.springframework.http.HttpStatus;

/**
 * How a send ended as the API tells it: sent, or refused with a status and code. One mapping, used for the answer
 * to the request and for what an Idempotency-Key keeps (a retry gets the same answer, even when the result
 * arrived after the request had given up).
 */
sealed interface SendOutcome {

    record Sent(SendAnswer answer) implements SendOutcome {}

    /** @param field the request field a VALIDATION_FAILED refusal names, else null */
    record Refused(int status, String code, String detail, String field) implements SendOutcome {

        RuntimeException problem() {
            if (field != null) {
                return new InvalidRequestException(field, detail);
            }
            return ApiProblem.of(HttpStatus.valueOf(status), code, detail);
        }
    }

    static SendOutcome of(SendResult result, String to) {
        if (result.ok()) {
            int ack = result.ack() == null ? 0 : result.ack();
            return new Sent(new SendAnswer(
                    result.messageId(),
                    ack >= 1 ? MessageAckChanged.statusOf(1) : "pending",
                    result.timestamp() != null
                            ? result.timestamp()
                            : Instant.now().getEpochSecond(),
                    to));
        }
        return switch (String.valueOf(result.code())) {
            case "RECIPIENT_NOT_ON_WHATSAPP" ->
                new Refused(422, "RECIPIENT_NOT_ON_WHATSAPP", to + " is not on WhatsApp", null);
            case "ACCOUNT_NOT_READY" -> new Refused(409, "ACCOUNT_NOT_READY", "The account is not READY", null);
            case "SESSION_NOT_FOUND" ->
                new Refused(
                        503,
                        "WORKER_UNAVAILABLE",
                        "No worker runs this account's session right now; nothing was sent",
                        null);
            case "DEADLINE_EXCEEDED" ->
                new Refused(
                        503,
                        "WORKER_UNAVAILABLE",
                        "The worker got the send after its deadline; nothing was sent",
                        null);
            case "INVALID_WID" -> new Refused(400, "VALIDATION_FAILED", "is not a valid WhatsApp id", "to");
            case "SEND_INTERRUPTED" ->
                new Refused(
                        502,
                        "SEND_INTERRUPTED",
                        "The send was interrupted by a worker "
                                + "restart and WhatsApp Web shows no such message; it was not sent again",
                        null);
            default ->
                new Refused(502, "SEND_FAILED", "WhatsApp did not accept the message: " + result.message(), null);
        };
    }

    /** A fixed set of metric label values: the worker's codes come from the page and must not grow the series. */
    static String metricOutcome(SendResult result) {
        if (result.ok()) {
            return "sent";
        }
        return switch (String.valueOf(result.code())) {
            case "RECIPIENT_NOT_ON_WHATSAPP" -> "recipient_not_on_whatsapp";
            case "ACCOUNT_NOT_READY", "SESSION_NOT_FOUND", "DEADLINE_EXCEEDED" -> "not_ready";
            case "INVALID_WID" -> "invalid_recipient";
            default -> "failed";
        };
    }
}
