package io.wamonitor.contracts.event;

import io.wamonitor.contracts.Payload;

/**
 * The linking screen shows a new QR code ({@code qr} is the text to encode), or none any more ({@code qr} null:
 * linked, expired or the screen is gone).
 */
public record AccountQrChanged(String qr, String workerId) implements Payload {}
