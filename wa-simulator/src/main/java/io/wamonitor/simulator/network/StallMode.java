package io.wamonitor.simulator.network;

import java.util.Locale;
import org.springframework.http.HttpStatus;

/** How a stalled connection fails (docs/SIMULATOR.md, "Stalls"). */
public enum StallMode {
    /** A half-open socket: the page still thinks it is connected, but the servers push nothing and answer nothing. */
    SILENT,
    /** A WhatsApp Web bug blocks the page's main thread: none of the page's scripts run until the freeze ends. */
    FREEZE;

    /** The mode as the control API names it ({@code "silent"}, {@code "freeze"}). */
    public static StallMode parse(String name) {
        for (StallMode mode : values()) {
            if (mode.wireName().equals(name)) {
                return mode;
            }
        }
        throw new SimException(
                HttpStatus.BAD_REQUEST, "INVALID_STALL_MODE", "mode must be \"silent\" or \"freeze\", not " + name);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
