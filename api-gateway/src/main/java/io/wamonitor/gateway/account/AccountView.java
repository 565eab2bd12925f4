package io.wamonitor.gateway.account;

import io.wamonitor.contracts.AccountStatus;
import java.time.Instant;
import java.util.List;

/**
 * An account as the API shows it (snake_case on the wire).
 *
 * @param qrCode       a PNG data URL while the status is {@code QR}, else null
 * @param phone        the linked phone number, null until linked
 * @param statusReason why the account is in its status, in words
 * @param workerId     the worker holding the session, null until one reports it
 * @param whatsappWebVersion the WhatsApp Web build the session's page runs (as last reported), null until known
 * @param waJsVersion  the wa-js release injected into it, so an operator sees which build broke when WhatsApp
 *                     changes
 */
public record AccountView(
        String id,
        String name,
        AccountStatus status,
        String statusReason,
        String webhookUrl,
        List<String> webhookEvents,
        String qrCode,
        String phone,
        String workerId,
        String whatsappWebVersion,
        String waJsVersion,
        Instant createdAt,
        Instant updatedAt) {

    /** The QR code is shown only while the account waits for it to be scanned. */
    static AccountView of(Account a) {
        String qr = a.status() == AccountStatus.QR && a.qrText() != null ? QrCodes.dataUrl(a.qrText()) : null;
        return new AccountView(
                a.id(),
                a.name(),
                a.status(),
                a.statusReason(),
                a.webhookUrl(),
                a.subscribedEvents(),
                qr,
                a.phone(),
                a.workerId(),
                a.whatsappWebVersion(),
                a.waJsVersion(),
                a.createdAt(),
                a.updatedAt());
    }
}
