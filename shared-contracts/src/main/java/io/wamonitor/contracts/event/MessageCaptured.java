package io.wamonitor.contracts.event;

import io.wamonitor.contracts.Payload;
import java.util.List;
import java.util.Objects;

/**
 * A message WhatsApp Web showed the account (received, or sent by the account from the phone or through the
 * API), flattened. {@code messageId} is WhatsApp's serialized key: consumers de-duplicate on it.
 *
 * <p>{@code from}, {@code to} and {@code author} are phone JIDs ({@code …@c.us}) wherever the worker knows the
 * number; each comes with the person's LID ({@code fromLid}, ...), null when unknown. When only the LID is known
 * (the sender does not share the number) the JID itself is the {@code …@lid}.
 *
 * @param text            the body of a text message, or the caption of a media message
 * @param author          the group member who wrote it (groups only)
 * @param notifyName      the sender's push name (the name they gave themselves)
 * @param media           null for text messages
 * @param quotedMessageId the serialized key of the message this one replies to, or null
 * @param forwarded       WhatsApp marks the message as forwarded (never null)
 * @param location        for {@code location} messages
 * @param vcards          for {@code vcard} and {@code multi_vcard} messages: the contact cards, as vCard text
 * @param poll            for {@code poll_creation} messages
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
        Media media,
        String fromLid,
        String toLid,
        String authorLid,
        String quotedMessageId,
        Boolean forwarded,
        Location location,
        List<String> vcards,
        Poll poll)
        implements Payload {

    public MessageCaptured {
        Objects.requireNonNull(messageId, "messageId");
        vcards = vcards == null ? null : List.copyOf(vcards);
        forwarded = Boolean.TRUE.equals(forwarded); // absent in events of workers before it existed
    }

    /** A plain message: no LIDs, no reply context, no typed content. */
    public MessageCaptured(
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
            Media media) {
        this(
                messageId,
                chat,
                from,
                to,
                author,
                fromMe,
                isGroup,
                type,
                text,
                timestamp,
                notifyName,
                media,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null);
    }

    public MessageCaptured withMedia(Media newMedia) {
        return new MessageCaptured(
                messageId,
                chat,
                from,
                to,
                author,
                fromMe,
                isGroup,
                type,
                text,
                timestamp,
                notifyName,
                newMedia,
                fromLid,
                toLid,
                authorLid,
                quotedMessageId,
                forwarded,
                location,
                vcards,
                poll);
    }

    /** The same message with its people named as {@code from}/{@code to}/{@code author} and their LIDs. */
    public MessageCaptured withIdentities(
            String newFrom, String newFromLid, String newTo, String newToLid, String newAuthor, String newAuthorLid) {
        return new MessageCaptured(
                messageId,
                chat,
                newFrom,
                newTo,
                newAuthor,
                fromMe,
                isGroup,
                type,
                text,
                timestamp,
                notifyName,
                media,
                newFromLid,
                newToLid,
                newAuthorLid,
                quotedMessageId,
                forwarded,
                location,
                vcards,
                poll);
    }

    /**
     * @param data              the bytes, base64; null when not downloaded ({@code unavailableReason} says why)
     * @param unavailableReason e.g. {@code too_large}, {@code media_not_found}
     */
    public record Media(
            String mimetype, String filename, Long size, Integer duration, String data, String unavailableReason) {}

    /** A shared location: coordinates in degrees, and the place's name and address when the sender chose one. */
    public record Location(double latitude, double longitude, String name, String address) {}

    /**
     * A poll: its question, the options in order, and whether a voter may choose several.
     */
    public record Poll(String question, List<String> options, boolean multiple) {
        public Poll {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }
}
