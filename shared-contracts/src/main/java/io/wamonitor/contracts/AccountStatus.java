package io.wamonitor.contracts;

/** Where an account's WhatsApp Web session stands, as the worker sees it. */
public enum AccountStatus {
    /** A session is being prepared: slot taken, browser starting or page loading. */
    INIT,
    /** The linking screen is up and a QR code (or pairing code) is waiting to be used. */
    QR,
    /** The phone linked the device; WhatsApp Web is syncing. */
    AUTH,
    /** Logged in and connected: messages flow. */
    READY,
    /** Logged in, but the connection to WhatsApp is lost, taken over elsewhere or the session is stopped. */
    DISCONNECTED,
    /** The device was unlinked (from the phone or through the API); linking is needed again. */
    LOGGED_OUT,
    /** The session cannot run: no free slot, browser failure, or a terminal WhatsApp state. */
    FAILED
}
