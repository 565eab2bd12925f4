package io.wamonitor.worker.whatsapp;

import io.wamonitor.worker.browser.BrowserPage;
import java.util.Locale;
import java.util.Optional;

/**
 * The WPP calls that link, unlink and hold a session: a fresh QR batch, a pairing code, logout, taking the
 * session back from another browser. wa-js's error codes are turned into the platform's own here, so nothing
 * outside this package knows them.
 */
public final class Linking {

    private Linking() {}

    /** The QR code expired: ask WhatsApp for a new batch (the new code arrives as conn.auth_code_change). */
    public static void refreshQr(BrowserPage page) {
        PageCalls.call(page, "WPP.conn.refreshQR().then(c => c && c.fullCode)", null);
    }

    /** WhatsApp Web was opened elsewhere (CONFLICT): take the session back. */
    public static void takeover(BrowserPage page) {
        PageCalls.call(page, "WPP.whatsapp.Socket.takeover()", null);
    }

    /**
     * Unlinks the device. The page reloads as it logs out, so an evaluation cut short by that navigation is
     * success; any other failure is returned.
     */
    public static Optional<Failure> logout(BrowserPage page) {
        PageCalls.Result result = PageCalls.call(page, "WPP.conn.logout()", null);
        if (!result.ok() && !String.valueOf(result.message()).contains("context was destroyed")) {
            return Optional.of(new Failure("LOGOUT_FAILED", result.message()));
        }
        return Optional.empty();
    }

    /** A pairing code for {@code phone} (digits), or why there is none, in the platform's codes. */
    public static Result<String> pairingCode(BrowserPage page, String phone) {
        PageCalls.Result result = PageCalls.call(page, "WPP.conn.startLinkDeviceCodeForPhoneNumber(arg)", phone);
        if (result.ok()) {
            return new Result<>(String.valueOf(result.value()), null);
        }
        String code = result.code() == null ? "" : result.code().toLowerCase(Locale.ROOT);
        String platformCode = "cannot_get_code_for_already_authenticated".equals(code)
                ? "ACCOUNT_ALREADY_LINKED"
                : "PAIRING_CODE_FAILED";
        return new Result<>(null, new Failure(platformCode, result.message()));
    }

    /** Why a call failed: a stable code of the platform and WhatsApp Web's words. */
    public record Failure(String code, String message) {}

    /** A value, or a failure. */
    public record Result<T>(T value, Failure failure) {}
}
