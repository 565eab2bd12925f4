package io.wamonitor.gateway.webhook;

import io.wamonitor.contracts.event.MessageAckChanged;
import io.wamonitor.contracts.event.MessageCaptured;
import io.wamonitor.gateway.account.QrCodes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bodies receivers get: the product brief's unified message format, plus an event id. */
final class WebhookPayloads {

    private WebhookPayloads() {
    }

    /**
     * @param mediaUrl signed URL of the stored media, or null (then {@code media.unavailable_reason} says why)
     */
    static Map<String, Object> message(String eventId, String accountId, MessageCaptured m, String mediaUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "message");
        body.put("event_id", eventId);
        body.put("direction", m.fromMe() ? "outbound" : "inbound");
        body.put("account_id", accountId);
        body.put("message_id", m.messageId());
        body.put("timestamp", m.timestamp());
        body.put("from", m.from());
        body.put("to", m.to());
        body.put("from_me", m.fromMe());
        body.put("is_group", m.isGroup());
        if (m.isGroup()) {
            body.put("author", m.author());
        }
        body.put("type", "chat".equals(m.type()) ? "text" : m.type());
        body.put("text", m.text());
        body.put("media", media(m.media(), mediaUrl));
        return body;
    }

    static Map<String, Object> status(String eventId, String accountId, String status, String reason,
                                      String phone, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "status");
        body.put("event_id", eventId);
        body.put("account_id", accountId);
        body.put("status", status);
        body.put("reason", reason);
        body.put("phone", phone);
        body.put("timestamp", at.getEpochSecond());
        return body;
    }

    static Map<String, Object> ack(String eventId, String accountId, String messageId, String chat, int ack,
                                   Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "ack");
        body.put("event_id", eventId);
        body.put("account_id", accountId);
        body.put("message_id", messageId);
        body.put("chat", chat);
        body.put("ack", ack);
        body.put("status", MessageAckChanged.statusOf(ack));
        body.put("timestamp", at.getEpochSecond());
        return body;
    }

    /** The QR lets whoever sees it link the account: only subscribed receivers get it. */
    static Map<String, Object> qr(String eventId, String accountId, String qr, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "qr");
        body.put("event_id", eventId);
        body.put("account_id", accountId);
        body.put("qr", qr);
        body.put("qr_code", qr == null ? null : QrCodes.dataUrl(qr));
        body.put("timestamp", at.getEpochSecond());
        return body;
    }

    private static Map<String, Object> media(MessageCaptured.Media media, String mediaUrl) {
        if (media == null) {
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mimetype", media.mimetype());
        body.put("filename", media.filename());
        body.put("size", media.size());
        body.put("media_url", mediaUrl);
        body.put("duration", media.duration());
        if (mediaUrl == null) {
            body.put("unavailable_reason", media.unavailableReason() == null ? "not_stored"
                    : media.unavailableReason());
        }
        return body;
    }
}
