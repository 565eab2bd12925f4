package io.wamonitor.simulator.network;

import java.util.List;

/**
 * A message as WhatsApp's servers hand it to a linked device (the page turns it into a MsgModel).
 *
 * @param remote      the chat: the peer's wid, or the group's
 * @param participant the group member who wrote it (groups only)
 * @param mediaId     where the page downloads the media, null for text
 * @param ciphertext  the device first fails to decrypt it and shows a placeholder (as WhatsApp sometimes does)
 */
public record WireMessage(
        String id,
        boolean fromMe,
        String remote,
        String participant,
        String from,
        String to,
        String author,
        String type,
        String body,
        String caption,
        String mimetype,
        String filename,
        Long size,
        Integer duration,
        String mediaId,
        long t,
        String notifyName,
        int ack,
        boolean ciphertext,
        Content content) {

    /** A message without typed content, reply context or a target (text and media). */
    public WireMessage(
            String id,
            boolean fromMe,
            String remote,
            String participant,
            String from,
            String to,
            String author,
            String type,
            String body,
            String caption,
            String mimetype,
            String filename,
            Long size,
            Integer duration,
            String mediaId,
            long t,
            String notifyName,
            int ack,
            boolean ciphertext) {
        this(
                id,
                fromMe,
                remote,
                participant,
                from,
                to,
                author,
                type,
                body,
                caption,
                mimetype,
                filename,
                size,
                duration,
                mediaId,
                t,
                notifyName,
                ack,
                ciphertext,
                null);
    }

    /**
     * What some messages carry beyond text and media, as WhatsApp's message protocol does.
     *
     * @param subtype    for {@code protocol} messages: {@code revoke} (deleted for everyone) or {@code message_edit}
     * @param targetKey  the serialized key, as the receiving device knows it, of the message a reaction, edit or
     *                   deletion is about
     * @param loc        a location's place: its name, a line break, its address
     * @param vcards     contact cards (vCard text)
     * @param pollSelectable how many options a voter may choose: 1, or 0 for any number
     * @param quotedKey  the serialized key of the message this one replies to
     */
    public record Content(
            String subtype,
            String targetKey,
            Double lat,
            Double lng,
            String loc,
            List<String> vcards,
            String pollName,
            List<String> pollOptions,
            Integer pollSelectable,
            String quotedKey,
            boolean forwarded) {}

    public String serializedKey() {
        return Wids.serializedKey(fromMe, remote, id, participant);
    }
}
