package io.wamonitor.contracts.command;

import io.wamonitor.contracts.Payload;

/** Unlink the device from WhatsApp; the session then shows a new QR code. */
public record LogoutSession(String reason) implements Payload {}
