package io.wamonitor.gateway.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.command.SendMessage;
import io.wamonitor.contracts.event.SendResult;
import io.wamonitor.gateway.account.AccountIds;
import io.wamonitor.gateway.account.AccountService;
import io.wamonitor.gateway.account.AccountView;
import io.wamonitor.gateway.security.MediaFetcher;
import io.wamonitor.gateway.security.OutboundGuard;
import io.wamonitor.gateway.session.SessionProblem;
import io.wamonitor.gateway.worker.WorkerRequests;
import jakarta.validation.Valid;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import io.wamonitor.gateway.web.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

@RestController
@Tag(name = "Messages", description = "Send text and media from an account")
class SendController {

    private static final String IDEMPOTENCY_KEY_SHAPE = "[\\x21-\\x7e]{1,255}";

    private final AccountService accounts;
    private final WorkerRequests worker;
    private final OutboundGuard guard;
    private final MediaFetcher fetcher;
    private final long mediaMaxBytes;
    private final SendLimits limits;
    private final IdempotencyKeys idempotency;
    private final SentMessages sent;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    SendController(AccountService accounts, WorkerRequests worker, OutboundGuard guard, MediaFetcher fetcher,
                   @Value("${wamonitor.messaging.media-max-bytes:16777216}") long mediaMaxBytes, SendLimits limits,
                   IdempotencyKeys idempotency, SentMessages sent, ObjectMapper json, MeterRegistry meters) {
        this.meters = meters;
        this.accounts = accounts;
        this.worker = worker;
        this.guard = guard;
        this.fetcher = fetcher;
        this.mediaMaxBytes = mediaMaxBytes;
        this.limits = limits;
        this.idempotency = idempotency;
        this.sent = sent;
        this.json = json;
    }

    @PostMapping(path = "/api/accounts/{id}/messages/send", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a text ({to, message}) or media inline ({to, media: {data, mimetype, filename}, caption})",
            description = "A malformed request is 400 VALIDATION_FAILED whatever the account's state. The recipient "
                    + "is checked first: 422 RECIPIENT_NOT_ON_WHATSAPP. 409 ACCOUNT_NOT_READY unless READY. "
                    + "503 WORKER_UNAVAILABLE if the worker does not answer in time.")
    ResponseEntity<Object> send(@PathVariable String id,
                                @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
                                @Valid @RequestBody SendRequest request) {
        AccountView account = accounts.get(AccountIds.parse(id).toString());
        if (idempotencyKey != null && !idempotencyKey.matches(IDEMPOTENCY_KEY_SHAPE)) {
            throw new InvalidRequestException("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
        OutgoingMessage outgoing = OutgoingMessage.of(request, guard, mediaMaxBytes);
        if (account.status() != AccountStatus.READY) {
            throw new SessionProblem(HttpStatus.CONFLICT, "ACCOUNT_NOT_READY",
                    "The account must be READY; it is " + account.status(), account.status().name());
        }
        if (idempotencyKey == null) {
            return ResponseEntity.ok(sendNow(account, request.to(), outgoing));
        }
        IdempotencyKeys.Claim claim = idempotency.claim(account.id(), idempotencyKey, fingerprint(request));
        if (claim instanceof IdempotencyKeys.Claim.Replay replay) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true")
                    .contentType(MediaType.APPLICATION_JSON).body(replay.responseJson());
        }
        if (claim instanceof IdempotencyKeys.Claim.InProgress) {
            throw new SessionProblem(HttpStatus.CONFLICT, "IDEMPOTENCY_IN_PROGRESS",
                    "A request with this Idempotency-Key is still being processed", null);
        }
        if (claim instanceof IdempotencyKeys.Claim.Mismatch) {
            throw new SessionProblem(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was used for a different request", null);
        }
        try {
            Map<String, Object> body = sendNow(account, request.to(), outgoing);
            idempotency.complete(account.id(), idempotencyKey, json.writeValueAsString(body));
            return ResponseEntity.ok(body);
        } catch (RuntimeException | JsonProcessingException e) {
            // Nothing was recorded as done: the same key may be tried again.
            idempotency.release(account.id(), idempotencyKey);
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private Map<String, Object> sendNow(AccountView account, String to, OutgoingMessage outgoing) {
        OptionalLong wait = limits.acquire(account.id());
        if (wait.isPresent()) {
            throw new RateLimitedException(wait.getAsLong());
        }
        SendMessage message = outgoing.toCommand(fetcher);
        Timer.Sample sample = Timer.start(meters);
        SendResult result = worker.send(UUID.fromString(account.id()), message);
        String outcome = outcomeOf(result);
        sample.stop(Timer.builder("wamonitor.messages.send.duration")
                .description("From handing a send to the worker to WhatsApp's answer").tag("outcome", outcome)
                .publishPercentileHistogram().register(meters));
        if (!result.ok()) {
            throw switch (String.valueOf(result.code())) {
                case "RECIPIENT_NOT_ON_WHATSAPP" -> new SessionProblem(HttpStatus.UNPROCESSABLE_ENTITY,
                        "RECIPIENT_NOT_ON_WHATSAPP", to + " is not on WhatsApp", null);
                case "ACCOUNT_NOT_READY" -> new SessionProblem(HttpStatus.CONFLICT, "ACCOUNT_NOT_READY",
                        "The account is not READY", null);
                case "SESSION_NOT_FOUND" -> new SessionProblem(HttpStatus.SERVICE_UNAVAILABLE, "WORKER_UNAVAILABLE",
                        "No worker runs this account's session right now", null);
                case "INVALID_WID" -> new InvalidRequestException("to", "is not a valid WhatsApp id");
                default -> new SessionProblem(HttpStatus.BAD_GATEWAY, "SEND_FAILED",
                        "WhatsApp did not accept the message: " + result.message(), null);
            };
        }
        sent.sent(account.id(), result.messageId(), message.to(), result.ack() == null ? 0 : result.ack());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message_id", result.messageId());
        body.put("status", result.ack() != null && result.ack() >= 1 ? "sent" : "pending");
        body.put("timestamp", result.timestamp() != null ? result.timestamp() : Instant.now().getEpochSecond());
        body.put("to", message.to());
        return body;
    }

    /** A fixed set of label values: the worker's codes come from the page and must not grow the series. */
    private static String outcomeOf(SendResult result) {
        if (result.ok()) {
            return "sent";
        }
        return switch (String.valueOf(result.code())) {
            case "RECIPIENT_NOT_ON_WHATSAPP" -> "recipient_not_on_whatsapp";
            case "ACCOUNT_NOT_READY", "SESSION_NOT_FOUND" -> "not_ready";
            case "INVALID_WID" -> "invalid_recipient";
            default -> "failed";
        };
    }

    @GetMapping("/api/accounts/{id}/messages/{messageId}")
    @Operation(summary = "A message sent through the API, with its delivery status (sent, delivered, read)")
    Map<String, Object> status(@PathVariable String id, @PathVariable String messageId) {
        String accountId = AccountIds.parse(id).toString();
        accounts.get(accountId);
        Document found = sent.find(accountId, messageId).orElseThrow(() -> new SessionProblem(
                HttpStatus.NOT_FOUND, "MESSAGE_NOT_FOUND", "No message with this id was sent from this account", null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message_id", found.getString("_id"));
        body.put("to", found.getString("to"));
        body.put("status", found.getString("status"));
        body.put("ack", found.getInteger("ack"));
        body.put("updated_at", found.getDate("updated_at").toInstant());
        return body;
    }

    private String fingerprint(SendRequest request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsBytes(request)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
