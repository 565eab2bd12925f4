package io.wamonitor.contracts.command;

import io.wamonitor.contracts.Payload;

/** Ask WhatsApp for a pairing code for {@code phone} (digits); answered with a PairingCodeResult. */
public record RequestPairingCode(String phone) implements Payload {
}
