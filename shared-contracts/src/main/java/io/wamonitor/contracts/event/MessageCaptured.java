package io.wamonitor.contracts.event;

import io.wamonitor.contracts.Payload;
import java.util.Objects;

/**
 * A message WhatsApp Web showed the account (received, or sent by the account from the phone or through the
 * API), flattened. {@code messageId} is WhatsApp's serialized key: consumers de-duplicate on it.
 *
 * @param text   the body of a text message, or the caption of a media message
 * @param author the group member who wrote it (groups only)
 * @param media  null for text messages
 */
public record MessageCaptured(
        String messageId,
        String chat,
        String from,
        String to,
        String author,
        boolean fromMe,
        boolean isGroup,
        String type,
        String text,
        long timestamp,
        String notifyName,
        Media media)
        implements Payload {

    public MessageCaptured {
        Objects.requireNonNull(messageId, "messageId");
    }

    /**
     * @param data              the bytes, base64; null when not downloaded ({@code unavailableReason} says why)
     * @param unavailableReason e.g. {@code too_large}, {@code media_not_found}
     */
    public record Media(
            String mimetype, String filename, Long size, Integer duration, String data, String unavailableReason) {}
}
