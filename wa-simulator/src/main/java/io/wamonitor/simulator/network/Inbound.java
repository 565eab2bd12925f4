package io.wamonitor.simulator.network;

/**
 * A message someone sends to a simulated account.
 *
 * @param group      group id (with or without {@code @g.us}); the sender is then the author
 * @param type       forces the WhatsApp type (e.g. {@code ptt}); by default derived from the media type
 * @param ciphertext forces (or forbids) the undecrypted placeholder first; null: by {@code SIM_CIPHERTEXT_RATE}
 */
public record Inbound(
        String from,
        String text,
        String group,
        String type,
        MediaUpload media,
        Integer duration,
        String notifyName,
        Boolean ciphertext) {

    public record MediaUpload(String mimetype, String filename, byte[] bytes) {}
}
