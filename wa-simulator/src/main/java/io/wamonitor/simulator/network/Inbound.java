package io.wamonitor.simulator.network;

import java.util.List;

/**
 * A message someone sends to a simulated account.
 *
 * @param group      group id (with or without {@code @g.us}); the sender is then the author
 * @param type       forces the WhatsApp type (e.g. {@code ptt}); by default derived from the media type
 * @param ciphertext forces (or forbids) the undecrypted placeholder first; null: by {@code SIM_CIPHERTEXT_RATE}
 * @param fromLid    the sender is not the phone's contact: WhatsApp names them (and the chat) by their LID
 * @param vcards     contact cards (vCard text): one makes a {@code vcard} message, several a {@code multi_vcard}
 * @param quotedMessageId the key (as the account's device knows it) of the message this one replies to
 */
public record Inbound(
        String from,
        String text,
        String group,
        String type,
        MediaUpload media,
        Integer duration,
        String notifyName,
        Boolean ciphertext,
        boolean fromLid,
        Location location,
        List<String> vcards,
        Poll poll,
        String quotedMessageId,
        boolean forwarded) {

    public Inbound(
            String from,
            String text,
            String group,
            String type,
            MediaUpload media,
            Integer duration,
            String notifyName,
            Boolean ciphertext,
            boolean fromLid) {
        this(from, text, group, type, media, duration, notifyName, ciphertext, fromLid, null, null, null, null, false);
    }

    public record MediaUpload(String mimetype, String filename, byte[] bytes) {}

    /** A shared place: coordinates in degrees, and optionally its name and address. */
    public record Location(double latitude, double longitude, String name, String address) {}

    /** A poll: its question, 2 to 12 options, and whether a voter may choose several. */
    public record Poll(String question, List<String> options, boolean multiple) {}
}
