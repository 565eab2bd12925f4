/**
 * Acting on an account's WhatsApp session: QR code, pairing code, snapshot, logout and restart.
 */
@ApplicationModule(
        displayName = "session",
        allowedDependencies = {"api", "account", "worker"})
package io.wamonitor.gateway.session;

import org.springframework.modulith.ApplicationModule;
