package io.wamonitor.gateway.session;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wamonitor.gateway.api.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
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

@RestController
@RequestMapping("/api/accounts/{id}")
@Tag(name = "Session", description = "Link, look at, log out and restart an account's WhatsApp Web session")
class SessionController {

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/qr")
    @Operation(
            summary = "The QR code to scan, as a PNG (or its raw text with ?format=text)",
            description = "409 QR_NOT_AVAILABLE unless the account's status is QR.")
    @ApiResponse(
            responseCode = "200",
            description = "The QR code",
            content = {
                @Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string"))
            })
    ResponseEntity<Object> qr(@PathVariable String id, @RequestParam(defaultValue = "png") String format) {
        if (!"png".equals(format) && !"text".equals(format)) {
            throw new InvalidRequestException("format", "must be png or text");
        }
        if ("text".equals(format)) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(sessions.qrText(id));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(sessions.qrPng(id));
    }

    record PairingCodeRequest(
            @NotBlank(message = "is required") @Pattern(regexp = "\\+?[0-9 ()-]{7,24}", message = "must be a phone number with country code")
            String phone) {}

    @PostMapping(path = "/pairing-code", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Link by phone number instead of QR: returns the 8-character code to type on the phone")
    SessionService.PairingCode pairingCode(@PathVariable String id, @Valid @RequestBody PairingCodeRequest request) {
        return sessions.pairingCode(id, request.phone());
    }

    /** A snapshot as JSON: the image as a data URL. */
    record SnapshotView(String snapshot, Instant takenAt, String accountId) {}

    @GetMapping("/snapshot")
    @Operation(
            summary = "Screenshot of the account's WhatsApp Web page as it is now",
            description = "JSON with a data URL by default; `Accept: image/png` (or image/jpeg) returns the image. "
                    + "`format=jpeg&quality=N` for JPEG. 409 ACCOUNT_NOT_READY unless READY; 503 WORKER_UNAVAILABLE "
                    + "if the worker does not answer in time.")
    @ApiResponse(
            responseCode = "200",
            description = "The screenshot",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = SnapshotView.class)),
                @Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = MediaType.IMAGE_JPEG_VALUE, schema = @Schema(type = "string", format = "binary"))
            })
    ResponseEntity<Object> snapshot(
            @PathVariable String id,
            @RequestParam(defaultValue = "png") String format,
            @RequestParam(required = false) Integer quality,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        SessionService.Snapshot shot = sessions.snapshot(id, format, quality);
        if (accept != null && (accept.contains("image/png") || accept.contains("image/jpeg"))) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(shot.mimetype()))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(shot.image());
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new SnapshotView(shot.dataUrl(), shot.takenAt(), shot.accountId()));
    }

    @PostMapping("/logout")
    @Operation(summary = "Unlink the device from WhatsApp: status LOGGED_OUT, then a new QR code")
    ResponseEntity<SessionService.Requested> logout(@PathVariable String id) {
        return ResponseEntity.accepted().body(sessions.logout(id));
    }

    @PostMapping("/restart")
    @Operation(summary = "Close and reopen the account's browser from its profile (the login is kept)")
    ResponseEntity<SessionService.Requested> restart(@PathVariable String id) {
        return ResponseEntity.accepted().body(sessions.restart(id));
    }
}
