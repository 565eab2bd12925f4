package io.wamonitor.gateway.account;

import io.wamonitor.contracts.AccountStatus;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * An account as stored in the {@code accounts} collection.
 *
 * @param statusAt when the worker observed the current status; older status events are ignored
 * @param qrText   the text of the QR code on the linking screen (rendered as a PNG on read), null if none
 * @param whatsappWebVersion the WhatsApp Web build the session's page last reported, null until known
 * @param waJsVersion the wa-js release it last reported
 */
@Document("accounts")
record Account(
        @Id String id,
        String name,
        AccountStatus status,
        @Field("status_reason") String statusReason,
        @Field("status_at") Instant statusAt,
        @Field("webhook_url") String webhookUrl,
        @Field("webhook_secret") String webhookSecret,
        @Field("webhook_events") List<String> webhookEvents,
        @Field("qr_text") String qrText,
        String phone,
        @Field("worker_id") String workerId,
        @Field("whatsapp_web_version") String whatsappWebVersion,
        @Field("wa_js_version") String waJsVersion,
        @Field("created_at") Instant createdAt,
        @Field("updated_at") Instant updatedAt) {

    static Account created(
            String id, String name, String webhookUrl, List<String> webhookEvents, String webhookSecret, Instant now) {
        return new Account(
                id,
                name,
                AccountStatus.INIT,
                "waiting for a worker to take the session",
                null,
                webhookUrl,
                webhookSecret,
                webhookEvents,
                null,
                null,
                null,
                null,
                null,
                now,
                now);
    }

    List<String> subscribedEvents() {
        return webhookEvents == null || webhookEvents.isEmpty() ? List.of("message") : webhookEvents;
    }
}
