package io.wamonitor.gateway.api;

/**
 * What text fields may contain, as patterns for {@code @Pattern}. Unpaired surrogates cannot be stored or sent
 * as UTF-8 and are always refused. Single-line text (names) also refuses control characters and the
 * bidirectional overrides that make a name display as something else in the dashboard (a classic spoofing
 * trick); message text may have tabs and line breaks, but no other control characters.
 */
public final class PlainText {

    public static final String SINGLE_LINE = "[^\\p{Cc}\\p{Cs}\\u202A-\\u202E\\u2066-\\u2069\\uFEFF\\uFFFE\\uFFFF]*";
    public static final String SINGLE_LINE_RULE =
            "must not contain control characters, direction overrides or broken Unicode";

    public static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\p{Cs}\\uFFFE\\uFFFF]*";
    public static final String MULTI_LINE_RULE =
            "must not contain control characters other than tabs and line breaks, or broken Unicode";

    private PlainText() {}
}
