package io.wamonitor.simulator.control;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wamonitor.simulator.network.Inbound;
import io.wamonitor.simulator.network.MediaStore;
import io.wamonitor.simulator.network.OutboxEntry;
import io.wamonitor.simulator.network.SimException;
import io.wamonitor.simulator.network.StallMode;
import io.wamonitor.simulator.network.Views;
import io.wamonitor.simulator.network.WhatsAppNetwork;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/sim", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Simulator control", description = "What the phone and WhatsApp's servers do")
class ControlController {

    private final WhatsAppNetwork network;
    private final MediaStore media;

    ControlController(WhatsAppNetwork network, MediaStore media) {
        this.network = network;
        this.media = media;
    }

    record LinkRequest(String qr, String phone, String pushName) {}

    @PostMapping("/link")
    @Operation(summary = "Scan a QR code with a phone: links the device showing it to that number")
    Views.Linked link(@RequestBody LinkRequest request) {
        return network.linkByQr(request.qr(), request.phone(), request.pushName());
    }

    record PairingCodeRequest(String code, String pushName) {}

    @PostMapping("/phones/{phone}/pairing-code")
    @Operation(summary = "Type a pairing code on the phone: links the device that asked for it for this number")
    Views.Linked confirmPairingCode(@PathVariable String phone, @RequestBody PairingCodeRequest request) {
        return network.confirmPairingCode(phone, request.code(), request.pushName());
    }

    @GetMapping("/pairings")
    @Operation(summary = "Linking screens waiting for a scan: the QR text on screen and any pairing code")
    List<Views.PendingPairing> pairings() {
        return network.pendingPairings();
    }

    record MediaRequest(String mimetype, String filename, String data) {}

    record InboundRequest(
            String from,
            String text,
            MediaRequest media,
            String group,
            String type,
            Integer duration,
            String notifyName,
            Boolean ciphertext,
            Boolean fromLid,
            Inbound.Location location,
            List<ContactRequest> contacts,
            Inbound.Poll poll,
            String quotedMessageId,
            Boolean forwarded) {}

    /** A contact card: its vCard text. */
    record ContactRequest(String vcard) {}

    @PostMapping("/phones/{phone}/inbound")
    @Operation(
            summary = "Deliver a message to the account linked to {phone}",
            description = "From a contact, or from a group member (`group`, whose author WhatsApp names by LID). "
                    + "`from_lid: true`: from someone who is not the phone's contact, named by LID as WhatsApp "
                    + "does. Media bytes are base64 in `media.data`; the text becomes the caption. Queued in order "
                    + "while the page is offline.")
    Views.Delivered inbound(@PathVariable String phone, @RequestBody InboundRequest request) {
        Inbound.MediaUpload upload = null;
        if (request.media() != null) {
            if (request.media().mimetype() == null || request.media().data() == null) {
                throw new SimException(HttpStatus.BAD_REQUEST, "INVALID_MEDIA", "media needs mimetype and data");
            }
            try {
                upload = new Inbound.MediaUpload(
                        request.media().mimetype(),
                        request.media().filename(),
                        Base64.getDecoder().decode(request.media().data()));
            } catch (IllegalArgumentException e) {
                throw new SimException(HttpStatus.BAD_REQUEST, "INVALID_MEDIA", "media.data is not base64");
            }
        } else if (request.text() == null
                && request.location() == null
                && request.contacts() == null
                && request.poll() == null) {
            throw new SimException(
                    HttpStatus.BAD_REQUEST, "INVALID_MESSAGE", "text, media, location, contacts or poll is required");
        }
        return network.inbound(
                phone,
                new Inbound(
                        request.from(),
                        request.text(),
                        request.group(),
                        request.type(),
                        upload,
                        request.duration(),
                        request.notifyName(),
                        request.ciphertext(),
                        Boolean.TRUE.equals(request.fromLid()),
                        request.location(),
                        request.contacts() == null
                                ? null
                                : request.contacts().stream()
                                        .map(c -> c == null ? null : c.vcard())
                                        .toList(),
                        request.poll(),
                        request.quotedMessageId(),
                        Boolean.TRUE.equals(request.forwarded())));
    }

    record ReactionRequest(String from, String messageId, String emoji) {}

    @PostMapping("/phones/{phone}/reactions")
    @Operation(
            summary = "A contact reacts to a message in their chat with the account linked to {phone}",
            description = "`message_id` is the message's key as the account knows it (the webhook's `message_id`); "
                    + "an empty `emoji` takes the reaction back. Queued while the page is offline.")
    Views.Delivered react(@PathVariable String phone, @RequestBody ReactionRequest request) {
        return network.react(
                phone, request.from(), request.messageId(), request.emoji() == null ? "" : request.emoji());
    }

    record EditRequest(String from, String messageId, String text) {}

    @PostMapping("/phones/{phone}/edits")
    @Operation(
            summary = "A contact changes the text of a message they sent the account linked to {phone}",
            description = "Only the message's author can edit it (409 `NOT_THE_AUTHOR` otherwise).")
    Views.Delivered edit(@PathVariable String phone, @RequestBody EditRequest request) {
        return network.edit(phone, request.from(), request.messageId(), request.text());
    }

    record RevokeRequest(String from, String messageId) {}

    @PostMapping("/phones/{phone}/revokes")
    @Operation(
            summary = "A contact deletes for everyone a message they sent the account linked to {phone}",
            description = "Only the message's author can delete it (409 `NOT_THE_AUTHOR` otherwise).")
    Views.Delivered revoke(@PathVariable String phone, @RequestBody RevokeRequest request) {
        return network.revoke(phone, request.from(), request.messageId());
    }

    record PhoneSendRequest(String to, String text) {}

    @PostMapping("/phones/{phone}/send")
    @Operation(summary = "The phone itself sends a text; linked devices see it as their own (fromMe)")
    Views.Delivered phoneSends(@PathVariable String phone, @RequestBody PhoneSendRequest request) {
        return network.phoneSends(phone, request.to(), request.text());
    }

    @GetMapping("/phones/{phone}/outbox")
    @Operation(summary = "What the account sent (from linked devices and from the phone), with ack state")
    List<OutboxEntry> outbox(@PathVariable String phone) {
        return network.outbox(phone);
    }

    @GetMapping("/phones/{phone}/outbox/{messageId}/media")
    @Operation(summary = "The bytes of a media message the account sent")
    ResponseEntity<byte[]> outboxMedia(@PathVariable String phone, @PathVariable String messageId) {
        OutboxEntry entry = network.outbox(phone).stream()
                .filter(e -> e.messageId().equals(messageId) || e.id().equals(messageId))
                .findFirst()
                .orElseThrow(() -> new SimException(HttpStatus.NOT_FOUND, "MESSAGE_NOT_FOUND", "no such message"));
        MediaStore.StoredMedia stored = media.get(entry.mediaId())
                .orElseThrow(() -> new SimException(HttpStatus.NOT_FOUND, "MEDIA_NOT_FOUND", "no media"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.mimetype()))
                .body(stored.bytes());
    }

    @PostMapping("/phones/{phone}/unlink")
    @Operation(summary = "Log the linked device(s) out from the phone (Linked devices > Log out)")
    Map<String, Integer> unlink(@PathVariable String phone) {
        return Map.of("unlinked", network.unlink(phone));
    }

    record ConnectionRequest(boolean online) {}

    @PostMapping("/phones/{phone}/connection")
    @Operation(summary = "Cut (online=false) or restore the linked devices' connection to WhatsApp")
    Views.PhoneView connection(@PathVariable String phone, @RequestBody ConnectionRequest request) {
        network.setOnline(phone, request.online());
        return network.phoneView(phone);
    }

    record SendDelayRequest(long delayMs) {}

    @PostMapping("/phones/{phone}/send-delay")
    @Operation(
            summary = "Make WhatsApp's servers slow to accept what this phone's linked devices send",
            description = "Each message a linked device sends is accepted (and reaches the outbox) only after "
                    + "`delay_ms`; the sending page waits for the acceptance as WhatsApp Web does. 0 restores "
                    + "normal service.")
    Views.PhoneView sendDelay(@PathVariable String phone, @RequestBody SendDelayRequest request) {
        network.setSendDelay(phone, Duration.ofMillis(request.delayMs()));
        return network.phoneView(phone);
    }

    @PostMapping("/phones/{phone}/conflict")
    @Operation(summary = "Open WhatsApp Web elsewhere: the linked page goes to CONFLICT until it takes over")
    Views.PhoneView conflict(@PathVariable String phone) {
        network.conflict(phone);
        return network.phoneView(phone);
    }

    /** @param persistent also every new connection of the phone's devices until unstall (default false) */
    record StallRequest(String mode, Boolean persistent) {}

    @PostMapping("/phones/{phone}/stall")
    @Operation(
            summary = "Stall the connections of the phone's linked devices (for session-health tests)",
            description = "`mode: silent`: a half-open socket. The page still shows itself connected (stream MAIN, "
                    + "online) but the servers push nothing on that connection (messages queue as for an offline "
                    + "page) and answer none of its requests (held, then 504 after 120 s). `mode: freeze`: the page's "
                    + "main thread blocks (a synchronous long poll to the server) until the stall ends; messages stay "
                    + "pending. Only the connections open now, unless `persistent: true`: then each new connection "
                    + "of the phone's devices too, as its stream opens. A new stall replaces the current one. "
                    + "400 `INVALID_STALL_MODE`, 404 `PHONE_NOT_FOUND`, 409 `NOT_LINKED`.")
    Views.Stall stall(@PathVariable String phone, @RequestBody StallRequest request) {
        return network.stall(phone, StallMode.parse(request.mode()), Boolean.TRUE.equals(request.persistent()));
    }

    @PostMapping("/phones/{phone}/unstall")
    @Operation(
            summary = "End the phone's stall",
            description = "A silenced stream still open gets the messages that queued meanwhile; a frozen page runs "
                    + "again. Requests held on a silenced connection are not answered now: they time out (504). "
                    + "Answers with `mode: null`, also when no stall was on.")
    Views.Stall unstall(@PathVariable String phone) {
        return network.unstall(phone);
    }

    @GetMapping("/phones")
    @Operation(summary = "Phones with linked devices, their connection state and queued messages")
    List<Views.PhoneView> phones() {
        return network.phones();
    }

    @GetMapping("/phones/{phone}")
    @Operation(summary = "One phone: its linked devices, connection state, queued messages, send delay and stall")
    Views.PhoneView phone(@PathVariable String phone) {
        return network.phoneView(phone);
    }

    /** @param hidePhoneNumber the user shares only their LID: WhatsApp Web cannot map it to the number */
    record NumberRequest(String phone, String name, Boolean hidePhoneNumber) {}

    @PostMapping("/numbers")
    @Operation(
            summary = "Register a number on WhatsApp (queryWidExists finds only registered numbers)",
            description = "`hide_phone_number: true`: the user's LID is not mapped to the number for others.")
    ResponseEntity<Map<String, String>> register(@RequestBody NumberRequest request) {
        network.registerNumber(request.phone(), request.name(), Boolean.TRUE.equals(request.hidePhoneNumber()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("phone", request.phone()));
    }

    @DeleteMapping("/numbers/{phone}")
    Map<String, Boolean> unregister(@PathVariable String phone) {
        network.unregisterNumber(phone);
        return Map.of("ok", true);
    }

    @GetMapping("/numbers")
    List<Views.NumberView> numbers() {
        return network.numbers();
    }
}
