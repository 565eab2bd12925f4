package io.wamonitor.gateway.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.wamonitor.contracts.event.AccountQrChanged;
import io.wamonitor.contracts.event.AccountStatusChanged;
import io.wamonitor.contracts.event.MessageAckChanged;
import io.wamonitor.contracts.event.MessageCaptured;
import io.wamonitor.contracts.event.MessageEdited;
import io.wamonitor.contracts.event.MessageReacted;
import io.wamonitor.contracts.event.MessageRevoked;
import io.wamonitor.gateway.account.AccountDeleted;
import io.wamonitor.gateway.account.AccountService;
import io.wamonitor.gateway.account.WebhookTarget;
import io.wamonitor.gateway.api.WorkerEvent;
import io.wamonitor.gateway.health.IncidentRecorded;
import io.wamonitor.gateway.media.MediaStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Turns the worker's events into delivery records (written before anything is sent), storing message media on
 * the way. Idempotent: the event id of a message is derived from the account and WhatsApp's message id, so a
 * redelivered or re-emitted message is recorded once.
 */
@Service
public class WebhookIntake {

    private final AccountService accounts;
    private final DeliveryStore store;
    private final MediaStore media;
    private final ObjectMapper json;
    private final Clock clock;
    private final AtomicLong sequence;

    private final MeterRegistry meters;

    private final WebhookDispatcher dispatcher;

    WebhookIntake(
            AccountService accounts,
            DeliveryStore store,
            MediaStore media,
            ObjectMapper json,
            Clock clock,
            MeterRegistry meters,
            WebhookDispatcher dispatcher) {
        this.meters = meters;
        this.dispatcher = dispatcher;
        this.accounts = accounts;
        this.store = store;
        this.media = media;
        this.json = json;
        this.clock = clock;
        this.sequence = new AtomicLong(clock.millis() * 1_000);
    }

    @EventListener
    @Order(10)
    void onMessage(WorkerEvent<MessageCaptured> event) {
        onMessage(event.accountId(), event.payload());
    }

    @EventListener
    @Order(10)
    void onStatus(WorkerEvent<AccountStatusChanged> event) {
        AccountStatusChanged status = event.payload();
        onStatus(
                event.accountId(),
                event.id(),
                status.status().name(),
                status.reason(),
                status.phone(),
                event.occurredAt());
    }

    @EventListener
    @Order(10)
    void onAck(WorkerEvent<MessageAckChanged> event) {
        MessageAckChanged acks = event.payload();
        onAck(event.accountId(), acks.messageIds(), acks.chat(), acks.ack(), event.occurredAt());
    }

    @EventListener
    @Order(10)
    void onReaction(WorkerEvent<MessageReacted> event) {
        MessageReacted r = event.payload();
        onChange(
                event.accountId(),
                "reaction",
                r.reactionId() + ":" + r.emoji() + ":" + r.timestamp(),
                (eventId, account) -> WebhookPayloads.reaction(eventId, account, r));
    }

    @EventListener
    @Order(10)
    void onEdit(WorkerEvent<MessageEdited> event) {
        MessageEdited e = event.payload();
        onChange(
                event.accountId(),
                "message_edited",
                e.editId() != null ? e.editId() : e.messageId() + ":" + e.text(),
                (eventId, account) -> WebhookPayloads.edit(eventId, account, e));
    }

    @EventListener
    @Order(10)
    void onRevoke(WorkerEvent<MessageRevoked> event) {
        MessageRevoked r = event.payload();
        onChange(
                event.accountId(),
                "message_revoked",
                r.messageId(),
                (eventId, account) -> WebhookPayloads.revoke(eventId, account, r));
    }

    /** After the health module stored it, so that its screenshot can be fetched when the event arrives. */
    @EventListener
    @Order(10)
    void onIncident(IncidentRecorded recorded) {
        onChange(
                recorded.accountId(),
                "incident",
                recorded.incident().id(),
                (eventId, account) -> WebhookPayloads.incident(
                        eventId, account, recorded.incident(), recorded.signedScreenshotUrl()));
    }

    /**
     * A reaction, edit, deletion or incident, for receivers that subscribed to that kind; recorded once per change.
     */
    void onChange(UUID account, String kind, String subject, BiFunction<String, String, Object> payload) {
        String accountId = account.toString();
        accounts.webhookTarget(accountId).filter(t -> t.wants(kind)).ifPresent(target -> {
            String eventId = derivedEventId(accountId, kind, subject);
            if (store.find(accountId, eventId).isEmpty()) {
                record(accountId, eventId, kind, target.url(), payload.apply(eventId, accountId));
            }
        });
    }

    @EventListener
    @Order(10)
    void onQr(WorkerEvent<AccountQrChanged> event) {
        onQr(event.accountId(), event.id(), event.payload().qr(), event.occurredAt());
    }

    public void onMessage(UUID account, MessageCaptured message) {
        meters.counter("wamonitor.messages.captured", "direction", message.fromMe() ? "outbound" : "inbound")
                .increment();
        String accountId = account.toString();
        WebhookTarget target = accounts.webhookTarget(accountId).orElse(null);
        if (target == null) {
            return;
        }
        String eventId = derivedEventId(accountId, "message", message.messageId());
        if (store.find(accountId, eventId).isPresent()) {
            return; // reported again (after a restart or an outage): recorded once
        }
        String mediaUrl = null;
        if (message.media() != null && message.media().data() != null) {
            byte[] bytes = Base64.getDecoder().decode(message.media().data());
            mediaUrl = media.store(
                            accountId,
                            message.messageId(),
                            message.media().mimetype(),
                            message.media().filename(),
                            bytes)
                    .url();
        }
        if (target.wants("message")) {
            record(
                    accountId,
                    eventId,
                    "message",
                    target.url(),
                    WebhookPayloads.message(eventId, accountId, message, mediaUrl));
        }
    }

    public void onStatus(UUID account, UUID eventId, String status, String reason, String phone, Instant at) {
        String accountId = account.toString();
        accounts.webhookTarget(accountId)
                .filter(t -> t.wants("status"))
                .ifPresent(target -> record(
                        accountId,
                        eventId.toString(),
                        "status",
                        target.url(),
                        WebhookPayloads.status(eventId.toString(), accountId, status, reason, phone, at)));
    }

    /** Receipts of sent messages, as {@code ack} events (one per message and ack level). */
    public void onAck(UUID account, List<String> messageIds, String chat, int ack, Instant at) {
        String accountId = account.toString();
        accounts.webhookTarget(accountId).filter(t -> t.wants("ack")).ifPresent(target -> {
            for (String messageId : messageIds) {
                String eventId = derivedEventId(accountId, "ack", messageId + ":" + ack);
                record(
                        accountId,
                        eventId,
                        "ack",
                        target.url(),
                        WebhookPayloads.ack(eventId, accountId, messageId, chat, ack, at));
            }
        });
    }

    /** A new QR code to scan (or none), as a {@code qr} event with the code as a PNG data URL and as text. */
    public void onQr(UUID account, UUID eventId, String qr, Instant at) {
        String accountId = account.toString();
        accounts.webhookTarget(accountId)
                .filter(t -> t.wants("qr"))
                .ifPresent(target -> record(
                        accountId,
                        eventId.toString(),
                        "qr",
                        target.url(),
                        WebhookPayloads.qr(eventId.toString(), accountId, qr, at)));
    }

    /**
     * Event ids derived from what the event is about, so the same WhatsApp message (or receipt) reported twice
     * is recorded once.
     */
    private static String derivedEventId(String accountId, String event, String subject) {
        return UUID.nameUUIDFromBytes((accountId + ":" + event + ":" + subject).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private void record(String accountId, String eventId, String event, String url, Object payload) {
        Instant now = clock.instant();
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (store.insert(new Delivery(
                eventId,
                accountId,
                event,
                url,
                body,
                sequence.incrementAndGet(),
                Delivery.Status.PENDING,
                0,
                now,
                null,
                null,
                null,
                now,
                now,
                null))) {
            dispatcher.wake(accountId); // recorded first, so a crash now loses nothing
        }
    }

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    @EventListener
    void onAccountDeleted(AccountDeleted deleted) {
        store.deleteForAccount(deleted.accountId());
        media.deleteForAccount(deleted.accountId());
    }
}
