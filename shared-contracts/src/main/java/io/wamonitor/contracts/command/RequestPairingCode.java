package io.wamonitor.contracts.command;

import io.wamonitor.contracts.Payload;
import java.time.Instant;

/**
 * Ask WhatsApp for a pairing code for {@code phone} (digits); answered with a PairingCodeResult.
 *
 * @param deadline when the gateway stops waiting; a worker that gets the request later drops it (null: never)
 */
public record RequestPairingCode(String phone, Instant deadline) implements Payload {}
