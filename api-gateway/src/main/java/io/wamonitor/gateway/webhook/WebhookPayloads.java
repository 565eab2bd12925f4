package io.wamonitor.gateway.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wamonitor.contracts.event.MessageAckChanged;
import io.wamonitor.contracts.event.MessageCaptured;
import io.wamonitor.contracts.event.MessageEdited;
import io.wamonitor.contracts.event.MessageReacted;
import io.wamonitor.contracts.event.MessageRevoked;
import io.wamonitor.gateway.account.QrCodes;
import io.wamonitor.gateway.health.IncidentView;
import java.time.Instant;
import java.util.List;

/**
 * The bodies receivers get: the product brief's unified message format plus an event id, and the status, ack,
 * QR and incident events. These records are the webhook contract (golden fixtures in src/test/resources/webhooks keep it
 * from changing by accident); a change is additive.
 */
final class WebhookPayloads {

    private WebhookPayloads() {}

    /**
     * A message the account received, or sent (from the phone or through the API). {@code from}, {@code to} and
     * {@code author} are phone JIDs wherever the number is known; {@code from} is the sender's {@code @lid} when
     * it is not ({@code from_phone} null). {@code location}, {@code contacts} and {@code poll} appear on messages
     * of those types.
     */
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
            MediaInfo media,
            String fromPhone,
            String fromLid,
            String toLid,
            @JsonInclude(JsonInclude.Include.NON_NULL) String authorLid,
            String senderName,
            String quotedMessageId,
            boolean isForwarded,
            @JsonInclude(JsonInclude.Include.NON_NULL) LocationInfo location,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<ContactCard> contacts,
            @JsonInclude(JsonInclude.Include.NON_NULL) PollInfo poll) {}

    /** Coordinates in degrees; the place's name and address when the sender picked a place. */
    public record LocationInfo(double latitude, double longitude, String name, String address) {}

    /** A shared contact: the name on the card ({@code FN}) and the whole vCard. */
    public record ContactCard(String name, String vcard) {}

    /** A poll: the question, its options in order, and whether a voter may pick several. */
    public record PollInfo(String question, List<String> options, boolean multiple) {}

    /** Someone reacted to a message ({@code emoji} empty when they took the reaction back). */
    public record ReactionEvent(
            String event,
            String eventId,
            String accountId,
            String messageId,
            String reactionId,
            String chat,
            String from,
            String fromLid,
            boolean fromMe,
            String emoji,
            long timestamp) {}

    /** The author changed a message's text. */
    public record EditEvent(
            String event,
            String eventId,
            String accountId,
            String messageId,
            String chat,
            String from,
            String fromLid,
            boolean fromMe,
            String text,
            long timestamp) {}

    /** A message was deleted for everyone. */
    public record RevokeEvent(
            String event,
            String eventId,
            String accountId,
            String messageId,
            String chat,
            String from,
            String fromLid,
            boolean fromMe,
            long timestamp) {}

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

    /**
     * The account's session left READY or the worker started a heal step ({@code reload}, {@code relaunch},
     * {@code give_up}), as the incidents API lists it; {@code screenshot_url} is a signed, expiring URL of the
     * page's picture that needs no API key (like media URLs), or null with {@code screenshot_note} saying why.
     */
    public record IncidentEvent(
            String event,
            String eventId,
            String accountId,
            String incidentId,
            String fromStatus,
            String toStatus,
            String reason,
            String healStep,
            String healReason,
            String workerId,
            String screenshotUrl,
            String screenshotNote,
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
                media(m.media(), mediaUrl),
                m.from() != null && m.from().endsWith("@c.us") ? m.from() : null,
                m.fromLid(),
                m.toLid(),
                m.isGroup() ? m.authorLid() : null,
                m.notifyName(),
                m.quotedMessageId(),
                Boolean.TRUE.equals(m.forwarded()),
                m.location() == null
                        ? null
                        : new LocationInfo(
                                m.location().latitude(),
                                m.location().longitude(),
                                m.location().name(),
                                m.location().address()),
                m.vcards() == null
                        ? null
                        : m.vcards().stream()
                                .map(card -> new ContactCard(VCards.formattedName(card), card))
                                .toList(),
                m.poll() == null
                        ? null
                        : new PollInfo(
                                m.poll().question(),
                                m.poll().options(),
                                m.poll().multiple()));
    }

    static ReactionEvent reaction(String eventId, String accountId, MessageReacted r) {
        return new ReactionEvent(
                "reaction",
                eventId,
                accountId,
                r.messageId(),
                r.reactionId(),
                r.chat(),
                r.from(),
                r.fromLid(),
                r.fromMe(),
                r.emoji(),
                r.timestamp());
    }

    static EditEvent edit(String eventId, String accountId, MessageEdited e) {
        return new EditEvent(
                "message_edited",
                eventId,
                accountId,
                e.messageId(),
                e.chat(),
                e.from(),
                e.fromLid(),
                e.fromMe(),
                e.text(),
                e.timestamp());
    }

    static RevokeEvent revoke(String eventId, String accountId, MessageRevoked r) {
        return new RevokeEvent(
                "message_revoked",
                eventId,
                accountId,
                r.messageId(),
                r.chat(),
                r.from(),
                r.fromLid(),
                r.fromMe(),
                r.timestamp());
    }

    static StatusEvent status(
            String eventId, String accountId, String status, String reason, String phone, Instant at) {
        return new StatusEvent("status", eventId, accountId, status, reason, phone, at.getEpochSecond());
    }

    static IncidentEvent incident(String eventId, String accountId, IncidentView i, String signedScreenshotUrl) {
        return new IncidentEvent(
                "incident",
                eventId,
                accountId,
                i.id(),
                i.fromStatus(),
                i.toStatus(),
                i.reason(),
                i.healStep(),
                i.healReason(),
                i.workerId(),
                signedScreenshotUrl,
                i.screenshotNote(),
                i.at().getEpochSecond());
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
