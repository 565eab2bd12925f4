package io.wamonitor.gateway.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wamonitor.contracts.event.MessageAckChanged;
import io.wamonitor.contracts.event.MessageCaptured;
import io.wamonitor.gateway.account.QrCodes;
import java.time.Instant;

/**
 * The bodies receivers get: the product brief's unified message format plus an event id, and the status, ack
 * and QR events. These records are the webhook contract (golden fixtures in src/test/resources/webhooks keep it
 * from changing by accident); a change is additive.
 */
final class WebhookPayloads {

    private WebhookPayloads() {}

    /** A message the account received, or sent (from the phone or through the API). */
    public record MessageEvent(
            String event,
            String eventId,
            String direction,
            String accountId,
            String messageId,
            long timestamp,
            String from,
            String to,
            boolean fromMe,
            boolean isGroup,
            @JsonInclude(JsonInclude.Include.NON_NULL) String author,
            String type,
            String text,
            MediaInfo media) {}

    /**
     * @param mediaUrl          the signed URL to download it from (no API key), or null
     * @param unavailableReason only when there is no URL: why ({@code too_large}, {@code download_failed}, ...)
     */
    public record MediaInfo(
            String mimetype,
            String filename,
            Long size,
            String mediaUrl,
            Integer duration,
            @JsonInclude(JsonInclude.Include.NON_NULL) String unavailableReason) {}

    /** The account's session moved to {@code status}. */
    public record StatusEvent(
            String event,
            String eventId,
            String accountId,
            String status,
            String reason,
            String phone,
            long timestamp) {}

    /** Delivery state of a message the account sent. */
    public record AckEvent(
            String event,
            String eventId,
            String accountId,
            String messageId,
            String chat,
            int ack,
            String status,
            long timestamp) {}

    /** A new QR code to scan (or none), as text and as a PNG data URL. */
    public record QrEvent(String event, String eventId, String accountId, String qr, String qrCode, long timestamp) {}

    /**
     * @param mediaUrl signed URL of the stored media, or null (then {@code media.unavailable_reason} says why)
     */
    static MessageEvent message(String eventId, String accountId, MessageCaptured m, String mediaUrl) {
        return new MessageEvent(
                "message",
                eventId,
                m.fromMe() ? "outbound" : "inbound",
                accountId,
                m.messageId(),
                m.timestamp(),
                m.from(),
                m.to(),
                m.fromMe(),
                m.isGroup(),
                m.isGroup() ? m.author() : null,
                "chat".equals(m.type()) ? "text" : m.type(),
                m.text(),
                media(m.media(), mediaUrl));
    }

    static StatusEvent status(
            String eventId, String accountId, String status, String reason, String phone, Instant at) {
        return new StatusEvent("status", eventId, accountId, status, reason, phone, at.getEpochSecond());
    }

    static AckEvent ack(String eventId, String accountId, String messageId, String chat, int ack, Instant at) {
        return new AckEvent(
                "ack", eventId, accountId, messageId, chat, ack, MessageAckChanged.statusOf(ack), at.getEpochSecond());
    }

    /** The QR lets whoever sees it link the account: only subscribed receivers get it. */
    static QrEvent qr(String eventId, String accountId, String qr, Instant at) {
        return new QrEvent("qr", eventId, accountId, qr, qr == null ? null : QrCodes.dataUrl(qr), at.getEpochSecond());
    }

    private static MediaInfo media(MessageCaptured.Media media, String mediaUrl) {
        if (media == null) {
            return null;
        }
        String unavailable =
                mediaUrl != null ? null : media.unavailableReason() == null ? "not_stored" : media.unavailableReason();
        return new MediaInfo(media.mimetype(), media.filename(), media.size(), mediaUrl, media.duration(), unavailable);
    }
}
