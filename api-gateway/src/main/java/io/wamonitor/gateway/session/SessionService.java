package io.wamonitor.gateway.session;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.event.PairingCodeResult;
import io.wamonitor.contracts.event.SnapshotResult;
import io.wamonitor.gateway.account.AccountIds;
import io.wamonitor.gateway.account.AccountService;
import io.wamonitor.gateway.account.AccountView;
import io.wamonitor.gateway.account.QrCodes;
import io.wamonitor.gateway.api.ApiProblem;
import io.wamonitor.gateway.api.InvalidRequestException;
import io.wamonitor.gateway.worker.WorkerRequests;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The rules for acting on an account's session: which status allows what, and what a worker's refusal means for
 * the API (the worker answers in the gateway's own codes).
 */
@Service
class SessionService {

    private static final Set<AccountStatus> LINKED =
            EnumSet.of(AccountStatus.READY, AccountStatus.AUTH, AccountStatus.DISCONNECTED);

    private final AccountService accounts;
    private final WorkerRequests worker;

    SessionService(AccountService accounts, WorkerRequests worker) {
        this.accounts = accounts;
        this.worker = worker;
    }

    /** The code a person types on the phone to link the account, and the number it is for. */
    record PairingCode(String pairingCode, String phone) {}

    /** A screenshot of the account's page. */
    record Snapshot(String accountId, String mimetype, byte[] image, Instant takenAt) {
        String dataUrl() {
            return "data:" + mimetype + ";base64," + Base64.getEncoder().encodeToString(image);
        }
    }

    /** A request to the session was handed to its worker; it acts on it shortly. */
    record Requested(String message, String id) {}

    /** The raw text of the QR code to scan; 409 QR_NOT_AVAILABLE unless the account waits for a scan. */
    String qrText(String id) {
        String account = AccountIds.parse(id).toString();
        return accounts.qrText(account)
                .orElseThrow(() -> ApiProblem.of(
                                HttpStatus.CONFLICT, "QR_NOT_AVAILABLE", "There is no QR code to scan now")
                        .with("account_status", accounts.get(account).status().name()));
    }

    byte[] qrPng(String id) {
        return QrCodes.png(qrText(id));
    }

    PairingCode pairingCode(String id, String phoneAsWritten) {
        AccountView account = accounts.get(AccountIds.parse(id).toString());
        String phone = phoneAsWritten.replaceAll("[^0-9]", "");
        if (phone.length() < 7 || phone.length() > 15) {
            throw new InvalidRequestException("phone", "must have 7 to 15 digits with the country code");
        }
        if (LINKED.contains(account.status())) {
            throw alreadyLinked(account);
        }
        PairingCodeResult result = worker.pairingCode(UUID.fromString(account.id()), phone);
        if (!result.ok()) {
            throw refused(result.code(), result.message(), account);
        }
        return new PairingCode(result.pairingCode(), phone);
    }

    Snapshot snapshot(String id, String format, Integer quality) {
        AccountView account = accounts.get(AccountIds.parse(id).toString());
        if (!"png".equals(format) && !"jpeg".equals(format)) {
            throw new InvalidRequestException("format", "must be png or jpeg");
        }
        if (quality != null && (quality < 1 || quality > 100 || !"jpeg".equals(format))) {
            throw new InvalidRequestException("quality", "must be 1 to 100, and only with format=jpeg");
        }
        if (account.status() != AccountStatus.READY) {
            throw notReady(account);
        }
        SnapshotResult result = worker.snapshot(UUID.fromString(account.id()), format, quality);
        if (!result.ok()) {
            throw refused(result.code(), result.message(), account);
        }
        return new Snapshot(
                account.id(), result.mimetype(), Base64.getDecoder().decode(result.data()), result.takenAt());
    }

    Requested logout(String id) {
        AccountView account = accounts.get(AccountIds.parse(id).toString());
        if (!LINKED.contains(account.status())) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "ACCOUNT_NOT_LINKED", "The account is not linked")
                    .with("account_status", account.status().name());
        }
        worker.logout(UUID.fromString(account.id()));
        return new Requested("Logout requested", account.id());
    }

    Requested restart(String id) {
        AccountView account = accounts.get(AccountIds.parse(id).toString());
        worker.restart(UUID.fromString(account.id()), account.name());
        return new Requested("Restart requested", account.id());
    }

    private static ApiProblem notReady(AccountView account) {
        return ApiProblem.of(
                        HttpStatus.CONFLICT,
                        "ACCOUNT_NOT_READY",
                        "The account must be READY; it is " + account.status())
                .with("account_status", account.status().name());
    }

    private static ApiProblem alreadyLinked(AccountView account) {
        return ApiProblem.of(HttpStatus.CONFLICT, "ACCOUNT_ALREADY_LINKED", "The account is already linked")
                .with("account_status", account.status().name());
    }

    /** What the worker's refusal means for the API. */
    private static ApiProblem refused(String code, String message, AccountView account) {
        return switch (String.valueOf(code)) {
            case "ACCOUNT_NOT_READY" -> notReady(account);
            case "ACCOUNT_ALREADY_LINKED" -> alreadyLinked(account);
            case "SESSION_NOT_FOUND" ->
                ApiProblem.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "WORKER_UNAVAILABLE",
                        "No worker runs this account's session right now; it is being started");
            default ->
                ApiProblem.of(HttpStatus.BAD_GATEWAY, "SESSION_ERROR", "WhatsApp Web could not do it: " + message)
                        .with("account_status", account.status().name());
        };
    }
}
