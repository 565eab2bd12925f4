package io.wamonitor.gateway.messaging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wamonitor.gateway.account.AccountIds;
import io.wamonitor.gateway.account.AccountService;
import io.wamonitor.gateway.api.ApiProblem;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Messages", description = "Send text and media from an account")
class SendController {

    private final SendService sends;
    private final AccountService accounts;
    private final SentMessages sent;

    SendController(SendService sends, AccountService accounts, SentMessages sent) {
        this.sends = sends;
        this.accounts = accounts;
        this.sent = sent;
    }

    @PostMapping(path = "/api/accounts/{id}/messages/send", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Send a text ({to, message}) or media inline ({to, media: {data, mimetype, filename}, caption})",
            description = "A malformed request is 400 VALIDATION_FAILED whatever the account's state. The recipient "
                    + "is checked first: 422 RECIPIENT_NOT_ON_WHATSAPP. 409 ACCOUNT_NOT_READY unless READY. "
                    + "503 WORKER_UNAVAILABLE if the worker does not answer in time (with an Idempotency-Key, a "
                    + "retry then answers 409 IDEMPOTENCY_IN_PROGRESS until the send's outcome is known, and that "
                    + "outcome afterwards: a message is never sent twice).")
    ResponseEntity<SendAnswer> send(
            @PathVariable String id,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody SendRequest request) {
        SendService.Reply reply = sends.send(id, idempotencyKey, request);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (reply.replayed()) {
            ok.header("Idempotent-Replayed", "true");
        }
        return ok.body(reply.answer());
    }

    @GetMapping("/api/accounts/{id}/messages/{messageId}")
    @Operation(summary = "A message sent through the API, with its delivery status (sent, delivered, read)")
    SentMessages.SentMessage status(@PathVariable String id, @PathVariable String messageId) {
        String accountId = AccountIds.parse(id).toString();
        accounts.get(accountId);
        return sent.find(accountId, messageId)
                .orElseThrow(() -> ApiProblem.of(
                        HttpStatus.NOT_FOUND,
                        "MESSAGE_NOT_FOUND",
                        "No message with this id was sent from this account"));
    }
}
