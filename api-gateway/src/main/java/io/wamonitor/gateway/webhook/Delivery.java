package io.wamonitor.gateway.webhook;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * One webhook delivery, written before the first attempt so that nothing is lost if the gateway stops.
 *
 * @param id   the event id, also sent as {@code X-Webhook-Id} and {@code event_id} for de-duplication
 * @param seq  order of creation; deliveries of one account go out in this order
 * @param body the exact JSON sent (and signed)
 */
@Document("webhook_deliveries")
record Delivery(
        @Id String id,
        @Field("account_id") String accountId,
        String event,
        String url,
        String body,
        long seq,
        Status status,
        int attempts,
        @Field("next_attempt_at") Instant nextAttemptAt,
        @Field("last_status_code") Integer lastStatusCode,
        @Field("last_error") String lastError,
        @Field("last_duration_ms") Long lastDurationMs,
        @Field("created_at") Instant createdAt,
        @Field("updated_at") Instant updatedAt,
        @Field("delivered_at") Instant deliveredAt) {

    enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }
}
