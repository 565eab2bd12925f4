package io.wamonitor.simulator.network;

/** WhatsApp's message type for a media type. */
final class MediaTypes {

    private MediaTypes() {}

    static String messageType(String mimetype) {
        String m = mimetype == null ? "" : mimetype.toLowerCase();
        if (m.equals("image/webp")) {
            return "sticker";
        }
        if (m.startsWith("image/")) {
            return "image";
        }
        if (m.startsWith("video/")) {
            return "video";
        }
        if (m.startsWith("audio/ogg")) {
            return "ptt";
        }
        if (m.startsWith("audio/")) {
            return "audio";
        }
        return "document";
    }
}
