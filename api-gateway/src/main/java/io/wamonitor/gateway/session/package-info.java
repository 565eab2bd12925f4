/** Acting on an account's WhatsApp session: QR code, pairing code, snapshot, logout and restart. */
package io.wamonitor.gateway.session;
