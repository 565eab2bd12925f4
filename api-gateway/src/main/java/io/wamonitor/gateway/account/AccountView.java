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
 * @param health       {@code ok}, {@code degraded} or {@code stalled} as the session's worker last reported it (see
 *                     {@code GET /api/accounts/{id}/health}); null when no live worker reports it
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
        Instant updatedAt,
        String health) {

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
                a.updatedAt(),
                null);
    }

    /** The view with the session's short health as its worker last reported it. */
    public AccountView withHealth(String newHealth) {
        return new AccountView(
                id,
                name,
                status,
                statusReason,
                webhookUrl,
                webhookEvents,
                qrCode,
                phone,
                workerId,
                whatsappWebVersion,
                waJsVersion,
                createdAt,
                updatedAt,
                newHealth);
    }
}
