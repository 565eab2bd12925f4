package io.wamonitor.simulator.page;

import io.swagger.v3.oas.annotations.Hidden;
import io.wamonitor.simulator.network.Connection;
import io.wamonitor.simulator.network.MediaStore;
import io.wamonitor.simulator.network.Outgoing;
import io.wamonitor.simulator.network.SimException;
import io.wamonitor.simulator.network.Views;
import io.wamonitor.simulator.network.WhatsAppNetwork;
import io.wamonitor.simulator.network.Wids;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The simulated WhatsApp Web page's link to "WhatsApp's servers". Not part of the documented control API. */
@Hidden
@RestController
@RequestMapping("/wa")
class PageController {

    private static final long STREAM_TIMEOUT = Duration.ofMinutes(30).toMillis();
    /** How long the server holds a frozen page's poll before it answers that the freeze is still on. */
    private static final Duration FREEZE_POLL = Duration.ofSeconds(5);

    private final WhatsAppNetwork network;
    private final MediaStore media;

    PageController(WhatsAppNetwork network, MediaStore media) {
        this.network = network;
        this.media = media;
    }

    record PairingRequest(
            String staticKey, String identityKey, String advSecret, Map<String, Object> deviceKey, String deviceName) {}

    @PostMapping("/pairing")
    Views.PairingStarted startPairing(@RequestBody PairingRequest request) {
        try {
            return network.startPairing(
                    request.staticKey(),
                    request.identityKey(),
                    request.advSecret(),
                    request.deviceKey(),
                    request.deviceName());
        } catch (IllegalArgumentException e) {
            throw new SimException(HttpStatus.BAD_REQUEST, "INVALID_KEYS", e.getMessage());
        }
    }

    @PostMapping("/pairing/refresh")
    Map<String, Boolean> refresh(@RequestHeader("X-Wa-Token") String token) {
        network.refreshQr(token);
        return Map.of("ok", true);
    }

    record CodeRequest(String phone) {}

    @PostMapping("/pairing/code")
    Map<String, String> pairingCode(@RequestHeader("X-Wa-Token") String token, @RequestBody CodeRequest request) {
        return Map.of("code", network.requestPairingCode(token, request.phone()));
    }

    @PostMapping("/pairing/code/cancel")
    Map<String, Boolean> cancelCode(@RequestHeader("X-Wa-Token") String token) {
        network.cancelPairingCode(token);
        return Map.of("ok", true);
    }

    record DeviceRequest(String deviceId, String signature) {}

    @PostMapping("/session/challenge")
    Map<String, String> challenge(@RequestBody DeviceRequest request) {
        return Map.of("challenge", network.challenge(request.deviceId()));
    }

    @PostMapping("/session/resume")
    Views.DeviceSession resume(@RequestBody DeviceRequest request) {
        return network.resume(request.deviceId(), request.signature());
    }

    /** The live connection. Refused (503) while the phone's connection is cut, like an unreachable server. */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam String token) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT);
        network.attach(token, new Connection(emitter));
        return emitter;
    }

    record AckRequest(List<String> ids) {}

    @PostMapping("/ack")
    Map<String, Boolean> ack(@RequestHeader("X-Wa-Token") String token, @RequestBody AckRequest request) {
        network.confirm(token, request.ids() == null ? List.of() : request.ids());
        return Map.of("ok", true);
    }

    /** Accepted after the phone's send delay (none unless the control API set one), without holding a thread. */
    @PostMapping("/messages")
    CompletableFuture<Views.SendResult> send(
            @RequestHeader("X-Wa-Token") String token, @RequestBody Outgoing outgoing) {
        if (outgoing.to() == null || outgoing.type() == null) {
            throw new SimException(HttpStatus.BAD_REQUEST, "INVALID_MESSAGE", "to and type are required");
        }
        Duration delay = network.sendDelay(token);
        if (delay.isZero()) {
            return CompletableFuture.completedFuture(network.send(token, outgoing));
        }
        return CompletableFuture.supplyAsync(
                () -> network.send(token, outgoing),
                CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    @PostMapping(path = "/media", consumes = MediaType.ALL_VALUE)
    Map<String, Object> upload(
            @RequestHeader("X-Wa-Token") String token,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestHeader(value = "X-Filename", required = false) String filename,
            @RequestBody byte[] bytes) {
        MediaStore.StoredMedia stored = media.put(
                bytes, contentType, filename == null ? null : URLDecoder.decode(filename, StandardCharsets.UTF_8));
        return Map.of("media_id", stored.id(), "size", bytes.length, "sha256", stored.sha256());
    }

    @GetMapping("/media/{id}")
    ResponseEntity<byte[]> download(@PathVariable String id) {
        return media.get(id)
                .map(m -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(m.mimetype()))
                        .body(m.bytes()))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @GetMapping("/contacts/exists")
    ResponseEntity<Map<String, String>> exists(@RequestParam String id) {
        if (Wids.isLid(id)) {
            return ResponseEntity.ok(network.lidEntry(id)
                    .map(e -> Map.of("wid", e.lid(), "lid", e.lid()))
                    .orElse(Map.of()));
        }
        String digits = Wids.digits(id);
        if (!Wids.isPhoneNumber(digits) || !network.exists(digits)) {
            return ResponseEntity.ok(Map.of());
        }
        return ResponseEntity.ok(network.lidEntry(digits)
                .map(e -> Map.of("wid", Wids.user(digits), "lid", e.lid()))
                .orElse(Map.of("wid", Wids.user(digits))));
    }

    /** The device's LID-PN table: the LID and (when shared) the phone number of a user named either way. */
    @GetMapping("/contacts/lid")
    ResponseEntity<Views.LidEntry> lid(@RequestParam String id) {
        return network.lidEntry(id)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.ok(new Views.LidEntry(null, null, null)));
    }

    @PostMapping("/logout")
    Map<String, Boolean> logout(@RequestHeader("X-Wa-Token") String token) {
        network.logout(token);
        return Map.of("ok", true);
    }

    /** The account's About text, as WhatsApp's status store holds it for the user ({@code profile.getMyStatus}). */
    @GetMapping("/profile/status")
    Map<String, String> myStatus(@RequestHeader("X-Wa-Token") String token) {
        return Map.of("status", network.about(token));
    }

    /**
     * A frozen page's synchronous long poll: held until its freeze ends or for a few seconds, without a thread,
     * then answers whether the freeze is still on.
     */
    @GetMapping("/freeze")
    CompletableFuture<Map<String, Boolean>> freeze(@RequestHeader("X-Wa-Token") String token) {
        return network.freezePoll(token, FREEZE_POLL).thenApply(frozen -> Map.of("frozen", frozen));
    }

    @PostMapping("/takeover")
    Map<String, Boolean> takeover(@RequestHeader("X-Wa-Token") String token) {
        network.takeover(token);
        return Map.of("ok", true);
    }
}
