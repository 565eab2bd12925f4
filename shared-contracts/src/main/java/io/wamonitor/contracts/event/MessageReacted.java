package io.wamonitor.contracts.event;

import io.wamonitor.contracts.Payload;
import java.util.Objects;

/**
 * Someone reacted to a message in one of the account's chats, or took their reaction back ({@code emoji}
 * empty).
 *
 * @param reactionId WhatsApp's key of the reaction itself
 * @param messageId  the serialized key of the message reacted to
 * @param from       who reacted: a phone JID when known, otherwise their LID
 * @param fromLid    their LID, or null when unknown
 * @param timestamp  epoch seconds
 */
public record MessageReacted(
        String reactionId,
        String messageId,
        String chat,
        String from,
        String fromLid,
        boolean fromMe,
        String emoji,
        long timestamp)
        implements Payload {

    public MessageReacted {
        Objects.requireNonNull(messageId, "messageId");
        emoji = emoji == null ? "" : emoji;
    }
}
