package io.wamonitor.gateway.webhook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the one field of a vCard (RFC 6350) receivers want at a glance: the formatted name. */
final class VCards {

    /** {@code FN}, with or without parameters ({@code FN;CHARSET=UTF-8:...}), at the start of a line. */
    private static final Pattern FN = Pattern.compile("(?im)^FN(?:;[^:\\r\\n]*)?:(.*)$");

    private VCards() {}

    /** The card's {@code FN} value, unescaped; null when the card has none. */
    static String formattedName(String vcard) {
        if (vcard == null) {
            return null;
        }
        // Folded lines (RFC 6350 3.2) continue with a space or tab after a line break.
        Matcher m = FN.matcher(vcard.replaceAll("\\r?\\n[ \\t]", ""));
        if (!m.find()) {
            return null;
        }
        String name = m.group(1)
                .strip()
                .replace("\\,", ",")
                .replace("\\;", ";")
                .replace("\\n", " ")
                .replace("\\N", " ")
                .replace("\\\\", "\\");
        return name.isEmpty() ? null : name;
    }
}
