package io.wamonitor.contracts.event;

import io.wamonitor.contracts.Payload;

/** The answer to a RequestPairingCode request: the 8-character code or why there is none. */
public record PairingCodeResult(boolean ok, String code, String message, String pairingCode) implements Payload {

    public static PairingCodeResult failed(String code, String message) {
        return new PairingCodeResult(false, code, message, null);
    }
}
