package io.wamonitor.gateway.security;

/** The media type of bytes, from their signature, for the formats WhatsApp sends. Null if not recognised. */
final class ContentTypes {

    private ContentTypes() {}

    static String sniff(byte[] b) {
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (starts(b, 'R', 'I', 'F', 'F') && b.length > 11 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B') {
            return "image/webp";
        }
        if (starts(b, '%', 'P', 'D', 'F')) {
            return "application/pdf";
        }
        if (starts(b, 'O', 'g', 'g', 'S')) {
            return "audio/ogg";
        }
        if (starts(b, 'I', 'D', '3') || starts(b, 0xFF, 0xFB)) {
            return "audio/mpeg";
        }
        if (b.length > 11 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            return "video/mp4";
        }
        if (starts(b, 'P', 'K', 3, 4)) {
            return "application/zip";
        }
        return null;
    }

    private static boolean starts(byte[] bytes, int... signature) {
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[i] & 0xFF) != (signature[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
