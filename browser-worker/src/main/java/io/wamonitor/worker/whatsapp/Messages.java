package io.wamonitor.worker.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wamonitor.contracts.event.MessageAckChanged;
import io.wamonitor.contracts.event.MessageCaptured;
import io.wamonitor.contracts.event.MessageEdited;
import io.wamonitor.contracts.event.MessageReacted;
import io.wamonitor.contracts.event.MessageRevoked;
import io.wamonitor.worker.browser.BrowserPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the adapter's message DTOs into message events: which messages count (no undecrypted placeholders,
 * status broadcasts or notifications), and their media, downloaded in the page up to a size limit.
 */
public final class Messages {

    /** WhatsApp system messages and placeholders that are not messages a person sent. */
    private static final Set<String> SKIPPED_TYPES = Set.of(
            "ciphertext",
            "protocol",
            "e2e_notification",
            "notification",
            "notification_template",
            "gp2",
            "group_notification",
            "broadcast_notification",
            "call_log",
            "revoked",
            "reaction",
            "debug",
            "unknown");

    private static final String DOWNLOAD = """
            WPP.chat.downloadMedia(arg.id).then(blob => blob.size > arg.max
                ? {tooLarge: true, size: blob.size}
                : WPP.util.blobToBase64(blob).then(url => ({data: url.substring(url.indexOf(',') + 1),
                                                         size: blob.size, mimetype: blob.type})))""";

    /**
     * The messages of every chat active since {@code arg.since} (epoch seconds) that WhatsApp Web has in its
     * store, oldest first, as the adapter's DTOs: chat.list, then getMessages page by page back to that time.
     */
    private static final String SINCE = """
            (async () => {
              const dto = window.__wamMessageDto;
              const found = new Map();
              const chats = await WPP.chat.list();
              for (const chat of chats) {
                if ((chat.t || 0) < arg.since) continue;
                let batch = await WPP.chat.getMessages(chat.id, {count: arg.page});
                for (let pages = 1; batch && batch.length; pages++) {
                  let oldest = null;
                  for (const m of batch) {
                    if (!oldest || (m.t || 0) < (oldest.t || 0)) oldest = m;
                    if ((m.t || 0) >= arg.since) {
                      const d = dto(m);
                      if (d.id) found.set(d.id, d);
                    }
                  }
                  if (!oldest || (oldest.t || 0) < arg.since || batch.length < arg.page || pages >= arg.maxPages) break;
                  batch = await WPP.chat.getMessages(chat.id,
                    {count: arg.page, direction: 'before', id: oldest.id._serialized || String(oldest.id)});
                }
              }
              return Array.from(found.values()).sort((a, b) => (a.t || 0) - (b.t || 0));
            })()""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Messages() {}

    /** Messages WhatsApp Web holds from {@code sinceEpochSeconds} on, oldest first, as adapter DTOs. */
    public static List<JsonNode> since(BrowserPage page, long sinceEpochSeconds) {
        PageCalls.Result result = PageCalls.call(
                page, SINCE, Map.of("since", (double) sinceEpochSeconds, "page", 50.0, "maxPages", 40.0));
        if (!result.ok()) {
            throw new IllegalStateException("reading WhatsApp Web's messages failed: " + result.message());
        }
        List<JsonNode> messages = new ArrayList<>();
        if (result.value() instanceof List<?> list) {
            list.forEach(m -> messages.add(JSON.valueToTree(m)));
        }
        return messages;
    }

    /** The message in a {@code chat.new_message} DTO, or empty if it is not one to report. */
    public static Optional<MessageCaptured> read(JsonNode m) {
        String id = text(m, "id");
        String type = text(m, "type");
        if (id == null
                || type == null
                || SKIPPED_TYPES.contains(type)
                || m.path("is_status").asBoolean(false)
                || m.path("is_notification").asBoolean(false)) {
            return Optional.empty();
        }
        String body = "chat".equals(type) ? text(m, "body") : text(m, "caption");
        return Optional.of(new MessageCaptured(
                id,
                text(m, "chat"),
                text(m, "from"),
                text(m, "to"),
                text(m, "author"),
                m.path("from_me").asBoolean(false),
                m.path("is_group").asBoolean(false),
                type,
                body,
                m.path("t").asLong(0),
                text(m, "notify_name"),
                null,
                null,
                null,
                null,
                text(m, "quoted_msg_id"),
                m.path("is_forwarded").asBoolean(false),
                location(m),
                vcards(m),
                poll(m)));
    }

    /**
     * A shared location: WhatsApp Web keeps the coordinates in {@code lat}/{@code lng} and the place as one
     * {@code loc} text, its name on the first line and its address after.
     */
    private static MessageCaptured.Location location(JsonNode m) {
        if (!m.path("lat").isNumber() || !m.path("lng").isNumber()) {
            return null;
        }
        String loc = text(m, "loc");
        String name = null;
        String address = null;
        if (loc != null && !loc.isBlank()) {
            int newline = loc.indexOf('\n');
            name = newline < 0 ? loc : loc.substring(0, newline);
            address = newline < 0 ? null : loc.substring(newline + 1).strip();
            address = address == null || address.isEmpty() ? null : address;
        }
        return new MessageCaptured.Location(
                m.path("lat").asDouble(), m.path("lng").asDouble(), name, address);
    }

    private static List<String> vcards(JsonNode m) {
        if (!m.path("vcards").isArray()) {
            return null;
        }
        List<String> cards = new ArrayList<>();
        m.path("vcards").forEach(card -> {
            if (card.isTextual() && !card.asText().isBlank()) {
                cards.add(card.asText());
            }
        });
        return cards;
    }

    /** A poll: WhatsApp counts how many options a voter may pick, 0 meaning any number of them. */
    private static MessageCaptured.Poll poll(JsonNode m) {
        if (!m.path("poll_options").isArray()) {
            return null;
        }
        List<String> options = new ArrayList<>();
        m.path("poll_options").forEach(option -> options.add(option.asText("")));
        int selectable = m.path("poll_selectable").asInt(0);
        return new MessageCaptured.Poll(text(m, "poll_name"), options, selectable != 1);
    }

    /** The reaction in a {@code chat.new_reaction} DTO (its sender as the page names them). */
    public static Optional<MessageReacted> reaction(JsonNode r, long nowSeconds) {
        String target = text(r, "msg_id");
        String reactionId = text(r, "id");
        if (target == null || reactionId == null) {
            return Optional.empty();
        }
        // WhatsApp stamps reactions in milliseconds.
        long t = r.path("t").asLong(0);
        long seconds = t > 100_000_000_000L ? t / 1000 : t > 0 ? t : nowSeconds;
        return Optional.of(new MessageReacted(
                reactionId,
                target,
                chatOf(target),
                text(r, "sender"),
                null,
                r.path("from_me").asBoolean(false),
                text(r, "text"),
                seconds));
    }

    /** The edit in a {@code chat.msg_edited} DTO. */
    public static Optional<MessageEdited> edit(JsonNode e, long nowSeconds) {
        String id = text(e, "id");
        if (id == null) {
            return Optional.empty();
        }
        String author = text(e, "author");
        return Optional.of(new MessageEdited(
                id,
                text(e, "edit_id"),
                text(e, "chat") != null ? text(e, "chat") : chatOf(id),
                author != null ? author : text(e, "from"),
                null,
                e.path("from_me").asBoolean(false),
                text(e, "body"),
                e.path("t").isNumber() ? e.path("t").asLong() : nowSeconds));
    }

    /** The deletion in a {@code chat.msg_revoke} DTO (it carries no time: now). */
    public static Optional<MessageRevoked> revoke(JsonNode r, long nowSeconds) {
        String target = text(r, "ref_id");
        if (target == null) {
            return Optional.empty();
        }
        String author = text(r, "author");
        return Optional.of(new MessageRevoked(
                target,
                text(r, "id"),
                chatOf(target),
                author != null ? author : text(r, "from"),
                null,
                r.path("from_me").asBoolean(false),
                text(r, "kind"),
                nowSeconds));
    }

    /** The chat of a serialized message key ({@code fromMe_chat_id[_participant]}). */
    static String chatOf(String key) {
        String[] parts = key.split("_");
        return parts.length >= 3 ? parts[1] : null;
    }

    public static boolean hasMedia(JsonNode m) {
        return m.path("has_media").asBoolean(false);
    }

    /** Downloads the message's media in the page; the data is null (with a reason) when it is not available. */
    public static MessageCaptured.Media download(BrowserPage page, JsonNode m, long maxBytes) {
        String mimetype = text(m, "mimetype");
        String filename = text(m, "filename");
        Long size = m.path("size").isNumber() ? m.path("size").asLong() : null;
        Integer duration = m.path("duration").isNumber() ? m.path("duration").asInt() : null;
        PageCalls.Result result = PageCalls.call(page, DOWNLOAD, Map.of("id", text(m, "id"), "max", (double) maxBytes));
        if (!result.ok()) {
            String reason = result.code() == null ? "download_failed" : result.code();
            return new MessageCaptured.Media(mimetype, filename, size, duration, null, reason);
        }
        Map<?, ?> value = (Map<?, ?>) result.value();
        Long actual = value.get("size") instanceof Number n ? n.longValue() : size;
        if (Boolean.TRUE.equals(value.get("tooLarge"))) {
            return new MessageCaptured.Media(mimetype, filename, actual, duration, null, "too_large");
        }
        String type = mimetype != null ? mimetype : (String) value.get("mimetype");
        return new MessageCaptured.Media(type, filename, actual, duration, (String) value.get("data"), null);
    }

    /** The acks in a {@code chat.msg_ack_change} DTO. */
    public static Optional<MessageAckChanged> ack(JsonNode a) {
        List<String> ids = new ArrayList<>();
        a.path("ids").forEach(id -> {
            if (id.isTextual()) {
                ids.add(id.asText());
            }
        });
        return ids.isEmpty() || !a.path("ack").isNumber()
                ? Optional.empty()
                : Optional.of(new MessageAckChanged(
                        ids, text(a, "chat"), a.path("ack").asInt()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
