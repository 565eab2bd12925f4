package io.wamonitor.contracts.event;

import io.wamonitor.contracts.Payload;
import java.util.Objects;

/**
 * A message was deleted for everyone.
 *
 * @param messageId the serialized key of the deleted message
 * @param revokeId  WhatsApp's key of the deletion itself
 * @param from      who deleted it (the author, or a group admin): a phone JID when known, otherwise their LID
 * @param fromLid   their LID, or null when unknown
 * @param kind      WhatsApp's kind of deletion: {@code revoke}, {@code sender_revoke} or {@code admin_revoke}
 * @param timestamp epoch seconds
 */
public record MessageRevoked(
        String messageId,
        String revokeId,
        String chat,
        String from,
        String fromLid,
        boolean fromMe,
        String kind,
        long timestamp)
        implements Payload {

    public MessageRevoked {
        Objects.requireNonNull(messageId, "messageId");
    }
}
