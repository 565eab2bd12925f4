package io.wamonitor.gateway.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wamonitor.gateway.account.AccountService;
import io.wamonitor.gateway.api.ApiProblem;
import io.wamonitor.gateway.api.InvalidRequestException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts/{id}/webhook-deliveries")
@Tag(name = "Webhook deliveries", description = "Every webhook delivery, with its attempts; redeliver one")
class DeliveryController {

    private final DeliveryStore store;
    private final AccountService accounts;
    private final WebhookIntake intake;
    private final ObjectMapper json;
    private final Clock clock;

    private final WebhookDispatcher dispatcher;

    DeliveryController(
            DeliveryStore store,
            AccountService accounts,
            WebhookIntake intake,
            ObjectMapper json,
            Clock clock,
            WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.store = store;
        this.accounts = accounts;
        this.intake = intake;
        this.json = json;
        this.clock = clock;
    }

    record DeliveryView(
            String id,
            String event,
            String status,
            int attempts,
            Integer lastStatusCode,
            String lastError,
            Long lastDurationMs,
            String url,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant deliveredAt,
            JsonNode payload) {}

    /** A delivery queued again. */
    record Queued(String message, String id) {}

    @GetMapping
    @Operation(summary = "Deliveries of the account, newest first; filter with status=PENDING|DELIVERED|FAILED")
    List<DeliveryView> list(
            @PathVariable String id,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") int limit) {
        accounts.get(id);
        Delivery.Status filter = null;
        if (status != null) {
            try {
                filter = Delivery.Status.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("status", "must be PENDING, DELIVERED or FAILED");
            }
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit", "must be 1 to 1000");
        }
        return store.forAccount(id, filter, limit).stream().map(this::view).toList();
    }

    @PostMapping("/{deliveryId}/redeliver")
    @Operation(
            summary =
                    "Send a delivery again (after the receiver was fixed); it is queued behind the account's pending deliveries, with the same id")
    ResponseEntity<Queued> redeliver(@PathVariable String id, @PathVariable String deliveryId) {
        accounts.get(id);
        if (!store.requeue(id, deliveryId, intake.nextSequence(), clock.instant())) {
            throw ApiProblem.of(HttpStatus.NOT_FOUND, "DELIVERY_NOT_FOUND", "No such delivery for this account");
        }
        dispatcher.wake(id);
        return ResponseEntity.accepted().body(new Queued("Redelivery queued", deliveryId));
    }

    private DeliveryView view(Delivery d) {
        JsonNode payload;
        try {
            payload = json.readTree(d.body());
        } catch (IOException e) {
            payload = null;
        }
        return new DeliveryView(
                d.id(),
                d.event(),
                d.status().name(),
                d.attempts(),
                d.lastStatusCode(),
                d.lastError(),
                d.lastDurationMs(),
                d.url(),
                d.createdAt(),
                d.status() == Delivery.Status.PENDING ? d.nextAttemptAt() : null,
                d.deliveredAt(),
                payload);
    }
}
