package io.wamonitor.worker.whatsapp;

/** A pull of WhatsApp Web's state (wppconnect polls isRegistered the same way, to catch missed events). */
public record Probe(boolean ready, boolean registered, String mode, boolean online, boolean idle, String me) {

    public static final Probe NOT_READY = new Probe(false, false, null, true, false, null);
}
