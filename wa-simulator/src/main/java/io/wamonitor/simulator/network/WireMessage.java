package io.wamonitor.simulator.network;

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
        boolean ciphertext) {

    public String serializedKey() {
        return Wids.serializedKey(fromMe, remote, id, participant);
    }
}
