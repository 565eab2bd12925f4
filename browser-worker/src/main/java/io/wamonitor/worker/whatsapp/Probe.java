package io.wamonitor.worker.whatsapp;

import java.time.Instant;

/**
 * A pull of WhatsApp Web's state (wppconnect polls isRegistered the same way, to catch missed events).
 *
 * @param webVersion the WhatsApp Web build the page runs ({@code VERSION_STR}), null when not known yet
 * @param waJsVersion the wa-js (or simulator) {@code WPP.version}
 * @param serverContactAt when the page last heard from WhatsApp's servers through events the worker does not
 *     receive one by one (null: not since it loaded)
 */
public record Probe(
        boolean ready,
        boolean registered,
        String mode,
        boolean online,
        boolean idle,
        String me,
        String webVersion,
        String waJsVersion,
        Instant serverContactAt) {

    public static final Probe NOT_READY = new Probe(false, false, null, true, false, null, null, null, null);
}
