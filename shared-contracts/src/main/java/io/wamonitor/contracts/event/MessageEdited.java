package io.wamonitor.contracts.event;

import io.wamonitor.contracts.Payload;
import java.util.Objects;

/**
 * The author of a message changed its text.
 *
 * @param messageId the serialized key of the edited message (the one the {@code message} event named)
 * @param editId    WhatsApp's key of this edit (a message edited twice has two), or null when not known
 * @param from      who edited it: a phone JID when known, otherwise their LID
 * @param fromLid   their LID, or null when unknown
 * @param text      the new text (or caption)
 * @param timestamp epoch seconds
 */
public record MessageEdited(
        String messageId,
        String editId,
        String chat,
        String from,
        String fromLid,
        boolean fromMe,
        String text,
        long timestamp)
        implements Payload {

    public MessageEdited {
        Objects.requireNonNull(messageId, "messageId");
    }
}
