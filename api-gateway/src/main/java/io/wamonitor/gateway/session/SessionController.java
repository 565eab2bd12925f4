package io.wamonitor.gateway.session;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.event.PairingCodeResult;
import io.wamonitor.contracts.event.SnapshotResult;
import io.wamonitor.gateway.account.AccountIds;
import io.wamonitor.gateway.account.AccountService;
import io.wamonitor.gateway.account.AccountView;
import io.wamonitor.gateway.account.QrCodes;
import io.wamonitor.gateway.worker.WorkerRequests;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpHeaders;
import io.wamonitor.gateway.web.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/accounts/{id}")
@Tag(name = "Session", description = "Link, look at, log out and restart an account's WhatsApp Web session")
class SessionController {

    private static final Set<AccountStatus> LINKED = EnumSet.of(AccountStatus.READY, AccountStatus.AUTH,
            AccountStatus.DISCONNECTED);

    private final AccountService accounts;
    private final WorkerRequests worker;

    SessionController(AccountService accounts, WorkerRequests worker) {
        this.accounts = accounts;
        this.worker = worker;
    }

    @GetMapping("/qr")
    @Operation(summary = "The QR code to scan, as a PNG (or its raw text with ?format=text)",
            description = "409 QR_NOT_AVAILABLE unless the account's status is QR.")
    ResponseEntity<?> qr(@PathVariable String id, @RequestParam(defaultValue = "png") String format) {
        UUID account = accountId(id);
        if (!"png".equals(format) && !"text".equals(format)) {
            throw new InvalidRequestException("format", "must be png or text");
        }
        String text = accounts.qrText(account.toString()).orElseThrow(() -> new SessionProblem(HttpStatus.CONFLICT,
                "QR_NOT_AVAILABLE", "There is no QR code to scan now", accounts.get(id).status().name()));
        if ("text".equals(format)) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(text);
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(QrCodes.png(text));
    }

    record PairingCodeRequest(
            @NotBlank(message = "is required")
            @Pattern(regexp = "\\+?[0-9 ()-]{7,24}", message = "must be a phone number with country code")
            String phone) {
    }

    @PostMapping(path = "/pairing-code", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Link by phone number instead of QR: returns the 8-character code to type on the phone")
    Map<String, String> pairingCode(@PathVariable String id, @Valid @RequestBody PairingCodeRequest request) {
        AccountView account = accounts.get(accountId(id).toString());
        String phone = request.phone().replaceAll("[^0-9]", "");
        if (phone.length() < 7 || phone.length() > 15) {
            throw new InvalidRequestException("phone", "must have 7 to 15 digits with the country code");
        }
        if (LINKED.contains(account.status())) {
            throw new SessionProblem(HttpStatus.CONFLICT, "ACCOUNT_ALREADY_LINKED", "The account is already linked",
                    account.status().name());
        }
        PairingCodeResult result = worker.pairingCode(UUID.fromString(account.id()), phone);
        if (!result.ok()) {
            throw failed(result.code(), result.message(), account);
        }
        return Map.of("pairing_code", result.pairingCode(), "phone", phone);
    }

    @GetMapping("/snapshot")
    @Operation(summary = "Screenshot of the account's WhatsApp Web page as it is now",
            description = "JSON with a data URL by default; `Accept: image/png` (or image/jpeg) returns the image. "
                    + "`format=jpeg&quality=N` for JPEG. 409 ACCOUNT_NOT_READY unless READY; 503 WORKER_UNAVAILABLE "
                    + "if the worker does not answer in time.")
    ResponseEntity<?> snapshot(@PathVariable String id, @RequestParam(defaultValue = "png") String format,
                               @RequestParam(required = false) Integer quality,
                               @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        AccountView account = accounts.get(accountId(id).toString());
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
            throw failed(result.code(), result.message(), account);
        }
        byte[] image = Base64.getDecoder().decode(result.data());
        if (accept != null && (accept.contains("image/png") || accept.contains("image/jpeg"))) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(result.mimetype()))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").body(image);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("snapshot", "data:" + result.mimetype() + ";base64," + result.data());
        body.put("taken_at", result.takenAt());
        body.put("account_id", account.id());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @PostMapping("/logout")
    @Operation(summary = "Unlink the device from WhatsApp: status LOGGED_OUT, then a new QR code")
    ResponseEntity<Map<String, String>> logout(@PathVariable String id) {
        AccountView account = accounts.get(accountId(id).toString());
        if (!LINKED.contains(account.status())) {
            throw new SessionProblem(HttpStatus.CONFLICT, "ACCOUNT_NOT_LINKED", "The account is not linked",
                    account.status().name());
        }
        worker.logout(UUID.fromString(account.id()));
        return ResponseEntity.accepted().body(Map.of("message", "Logout requested", "id", account.id()));
    }

    @PostMapping("/restart")
    @Operation(summary = "Close and reopen the account's browser from its profile (the login is kept)")
    ResponseEntity<Map<String, String>> restart(@PathVariable String id) {
        AccountView account = accounts.get(accountId(id).toString());
        worker.restart(UUID.fromString(account.id()), account.name());
        return ResponseEntity.accepted().body(Map.of("message", "Restart requested", "id", account.id()));
    }

    private static SessionProblem notReady(AccountView account) {
        return new SessionProblem(HttpStatus.CONFLICT, "ACCOUNT_NOT_READY",
                "The account must be READY; it is " + account.status(), account.status().name());
    }

    /** Maps the worker's answer codes to API problems. */
    private static SessionProblem failed(String code, String message, AccountView account) {
        return switch (String.valueOf(code)) {
            case "ACCOUNT_NOT_READY" -> notReady(account);
            case "ACCOUNT_ALREADY_LINKED", "CANNOT_GET_CODE_FOR_ALREADY_AUTHENTICATED" -> new SessionProblem(
                    HttpStatus.CONFLICT, "ACCOUNT_ALREADY_LINKED", "The account is already linked",
                    account.status().name());
            case "SESSION_NOT_FOUND" -> new SessionProblem(HttpStatus.SERVICE_UNAVAILABLE, "WORKER_UNAVAILABLE",
                    "No worker runs this account's session right now; it is being started", null);
            default -> new SessionProblem(HttpStatus.BAD_GATEWAY, "SESSION_ERROR",
                    "WhatsApp Web could not do it: " + message, account.status().name());
        };
    }

    private static UUID accountId(String id) {
        return AccountIds.parse(id);
    }
}
