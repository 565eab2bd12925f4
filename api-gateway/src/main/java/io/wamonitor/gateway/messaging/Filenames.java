package io.wamonitor.gateway.messaging;

/** File names as the recipient will see them: no paths, no control characters, not empty. */
final class Filenames {

    private Filenames() {}

    static String sanitize(String name) {
        if (name == null) {
            return null;
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\p{Cc}\\p{Cs}\\u202A-\\u202E\\u2066-\\u2069\"<>|:*?]", "_")
                .strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            return null;
        }
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }
}
