package io.wamonitor.gateway.messaging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.command.SendMessage;
import io.wamonitor.contracts.event.SendResult;
import io.wamonitor.gateway.account.AccountService;
import io.wamonitor.gateway.account.AccountView;
import io.wamonitor.gateway.security.MediaFetcher;
import io.wamonitor.gateway.security.OutboundGuard;
import io.wamonitor.gateway.session.SessionProblem;
import jakarta.validation.Valid;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

@RestController
@Tag(name = "Messages", description = "Send text and media from an account")
class SendController {

    private final AccountService accounts;
    private final io.wamonitor.gateway.worker.WorkerRequests worker;
    private final OutboundGuard guard;
    private final MediaFetcher fetcher;
    private final long mediaMaxBytes;
    private final SendLimits limits;
    private final IdempotencyKeys idempotency;
    private final SentMessages sent;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    SendController(AccountService accounts, io.wamonitor.gateway.worker.WorkerRequests worker, OutboundGuard guard,
                   MediaFetcher fetcher, @Value("${wamonitor.messaging.media-max-bytes:16777216}") long mediaMaxBytes,
                   SendLimits limits, IdempotencyKeys idempotency, SentMessages sent,
                   com.fasterxml.jackson.databind.ObjectMapper json) {
        this.limits = limits;
        this.idempotency = idempotency;
        this.sent = sent;
        this.json = json;
        this.accounts = accounts;
        this.worker = worker;
        this.guard = guard;
        this.fetcher = fetcher;
        this.mediaMaxBytes = mediaMaxBytes;
    }

    @PostMapping(path = "/api/accounts/{id}/messages/send", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a text ({to, message}) or media inline ({to, media: {data, mimetype, filename}, caption})",
            description = "The recipient is checked first: 422 RECIPIENT_NOT_ON_WHATSAPP. 409 ACCOUNT_NOT_READY "
                    + "unless READY. 503 WORKER_UNAVAILABLE if the worker does not answer in time.")
    org.springframework.http.ResponseEntity<Object> send(@PathVariable String id,
            @org.springframework.web.bind.annotation.RequestHeader(value = "Idempotency-Key", required = false)
            String idempotencyKey,
            @Valid @RequestBody SendRequest request) {
        AccountView account = accounts.get(validId(id));
        if (request.mediaUrl() != null) {
            guard.check(parseUrl(request.mediaUrl())); // refuse private targets before anything else
        }
        if (account.status() != AccountStatus.READY) {
            throw new SessionProblem(HttpStatus.CONFLICT, "ACCOUNT_NOT_READY",
                    "The account must be READY; it is " + account.status(), account.status().name());
        }
        if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7e]{1,255}")) {
            throw new SessionProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters", null);
        }
        if (idempotencyKey != null) {
            IdempotencyKeys.Claim claim = idempotency.claim(account.id(), idempotencyKey, fingerprint(request));
            if (claim instanceof IdempotencyKeys.Claim.Replay replay) {
                return org.springframework.http.ResponseEntity.ok().header("Idempotent-Replayed", "true")
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
        }
        try {
            Map<String, Object> body = sendNow(account, request);
            if (idempotencyKey != null) {
                idempotency.complete(account.id(), idempotencyKey, json.writeValueAsString(body));
            }
            return org.springframework.http.ResponseEntity.ok(body);
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            if (idempotencyKey != null) {
                idempotency.release(account.id(), idempotencyKey);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> sendNow(AccountView account, SendRequest request) {
        java.util.OptionalLong wait = limits.acquire(account.id());
        if (wait.isPresent()) {
            throw new RateLimitedException(wait.getAsLong());
        }
        SendMessage message = toCommand(request);
        SendResult result = worker.send(UUID.fromString(account.id()), message);
        if (!result.ok()) {
            throw switch (String.valueOf(result.code())) {
                case "RECIPIENT_NOT_ON_WHATSAPP" -> new SessionProblem(HttpStatus.UNPROCESSABLE_ENTITY,
                        "RECIPIENT_NOT_ON_WHATSAPP", request.to() + " is not on WhatsApp", null);
                case "ACCOUNT_NOT_READY" -> new SessionProblem(HttpStatus.CONFLICT, "ACCOUNT_NOT_READY",
                        "The account is not READY", null);
                case "SESSION_NOT_FOUND" -> new SessionProblem(HttpStatus.SERVICE_UNAVAILABLE, "WORKER_UNAVAILABLE",
                        "No worker runs this account's session right now", null);
                case "INVALID_WID" -> new SessionProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                        "to is not a valid WhatsApp id", null);
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

    @org.springframework.web.bind.annotation.GetMapping("/api/accounts/{id}/messages/{messageId}")
    @Operation(summary = "A message sent through the API, with its delivery status (sent, delivered, read)")
    Map<String, Object> status(@PathVariable String id, @PathVariable String messageId) {
        String accountId = validId(id);
        accounts.get(accountId);
        org.bson.Document found = sent.find(accountId, messageId).orElseThrow(() -> new SessionProblem(
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
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsBytes(request)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private SendMessage toCommand(SendRequest request) {
        if (request.mediaUrl() != null) {
            if (request.media() != null) {
                throw new SessionProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                        "send either media_url or media, not both", null);
            }
            MediaFetcher.Fetched fetched = fetcher.fetch(request.mediaUrl());
            String filename = Filenames.sanitize(request.filename() != null ? request.filename() : fetched.filename());
            return new SendMessage(request.chatId(), request.caption(), new SendMessage.Media(fetched.mimetype(),
                    filename, Base64.getEncoder().encodeToString(fetched.bytes())));
        }
        if (request.media() == null) {
            if (request.message() == null || request.message().isBlank()) {
                throw new SessionProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                        "message is required for a text (or send media)", null);
            }
            return new SendMessage(request.chatId(), request.message(), null);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(request.media().data());
        } catch (IllegalArgumentException e) {
            throw new SessionProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "media.data is not valid base64",
                    null);
        }
        if (bytes.length == 0) {
            throw new SessionProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "media.data is empty", null);
        }
        if (bytes.length > mediaMaxBytes) {
            throw new SessionProblem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                    "media is larger than " + mediaMaxBytes + " bytes", null);
        }
        String filename = request.media().filename() != null ? request.media().filename() : request.filename();
        return new SendMessage(request.chatId(), request.caption() != null ? request.caption() : request.message(),
                new SendMessage.Media(request.media().mimetype(), Filenames.sanitize(filename),
                        Base64.getEncoder().encodeToString(bytes)));
    }

    private static java.net.URI parseUrl(String url) {
        try {
            return new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new OutboundGuard.BlockedUrlException("media_url is not a valid URL");
        }
    }

    private static String validId(String id) {
        return io.wamonitor.gateway.account.AccountIds.parse(id).toString();
    }
}
