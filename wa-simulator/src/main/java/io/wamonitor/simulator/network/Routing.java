package io.wamonitor.simulator.network;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Messages between phones and linked devices: what the phone receives (inbound), what it sends itself, what a
 * linked device sends (accepted after the phone's send delay, once per message id), the outbox and the receipts.
 */
final class Routing {

    private static final Logger log = LoggerFactory.getLogger(Routing.class);

    private final NetworkState state;

    Routing(NetworkState state) {
        this.state = state;
    }

    Views.SendResult send(String token, Outgoing outgoing) {
        Device device = state.deviceByToken(token);
        Phone phone = state.phones.get(device.phone);
        String to = outgoing.to();
        if (!Wids.isGroup(to) && !state.exists(to)) {
            throw new SimException(HttpStatus.NOT_FOUND, "NOT_ON_WHATSAPP", "Failed to find or create chat for " + to);
        }
        String id = outgoing.id() != null && outgoing.id().matches("[0-9A-F]{10,40}")
                ? outgoing.id()
                : Wids.newMessageId(true);
        String retransmitted = Wids.serializedKey(true, to, id, null);
        for (OutboxEntry earlier : phone.outbox) {
            if (earlier.messageId().equals(retransmitted)) {
                // WhatsApp's servers take a message id once: a device that sends it again gets the same answer.
                return new Views.SendResult(id, retransmitted, earlier.timestamp(), earlier.ack());
            }
        }
        long t = state.clock.instant().getEpochSecond();
        Optional<MediaStore.StoredMedia> stored = state.media.get(outgoing.mediaId());
        String key = Wids.serializedKey(true, to, id, null);
        // A message to a LID reaches the user's phone: the servers know whose LID it is.
        String recipient = Wids.isLid(to) ? Wids.user(state.numberOf(to).orElseThrow()) : to;
        OutboxEntry entry = new OutboxEntry(
                key,
                id,
                recipient,
                outgoing.type(),
                "chat".equals(outgoing.type()) ? outgoing.body() : null,
                outgoing.caption(),
                stored.map(MediaStore.StoredMedia::mimetype).orElse(null),
                stored.map(MediaStore.StoredMedia::filename).orElse(outgoing.filename()),
                stored.map(s -> (long) s.bytes().length).orElse(null),
                stored.map(MediaStore.StoredMedia::sha256).orElse(null),
                outgoing.mediaId(),
                1,
                "web",
                t);
        phone.outbox.add(entry);
        deliverToRecipient(phone, entry, outgoing, id, t);
        scheduleReceipt(phone.number, key, 2, state.settings.deliveryDelay().toMillis());
        if (!state.settings.readDelay().isNegative()
                && !state.settings.readDelay().isZero()) {
            scheduleReceipt(phone.number, key, 3, state.settings.readDelay().toMillis());
        }
        // Other linked devices of the same phone see the message too, as sent by "me".
        WireMessage echo = new WireMessage(
                id,
                true,
                to,
                null,
                Wids.user(phone.number),
                to,
                null,
                outgoing.type(),
                outgoing.body(),
                outgoing.caption(),
                entry.mimetype(),
                entry.filename(),
                entry.size(),
                outgoing.duration(),
                outgoing.mediaId(),
                t,
                phone.pushName,
                1,
                false);
        phone.linkedDevices().stream().filter(d -> d != device).forEach(d -> state.deliver(d, echo));
        return new Views.SendResult(id, key, t, 1);
    }

    /** A simulated recipient that is itself a linked account receives the message like any inbound one. */
    void deliverToRecipient(Phone sender, OutboxEntry entry, Outgoing outgoing, String id, long t) {
        Phone recipient = state.phones.get(Wids.digits(entry.to()));
        if (recipient == null || Wids.isGroup(entry.to())) {
            return;
        }
        String from = Wids.user(sender.number);
        WireMessage message = new WireMessage(
                id,
                false,
                from,
                null,
                from,
                Wids.user(recipient.number),
                null,
                outgoing.type(),
                outgoing.body(),
                outgoing.caption(),
                entry.mimetype(),
                entry.filename(),
                entry.size(),
                outgoing.duration(),
                outgoing.mediaId(),
                t,
                sender.pushName,
                0,
                false);
        recipient.linkedDevices().forEach(d -> state.deliver(d, message));
    }

    void scheduleReceipt(String phoneNumber, String key, int ack, long delayMs) {
        state.later(() -> receipt(phoneNumber, key, ack), delayMs);
    }

    void receipt(String phoneNumber, String key, int ack) {
        Phone phone = state.phones.get(phoneNumber);
        if (phone == null) {
            return;
        }
        phone.outbox.replaceAll(e -> e.messageId().equals(key) ? e.withAck(ack) : e);
        phone.linkedDevices().stream()
                .filter(state::reachable)
                .forEach(d -> d.connection.send(new Push("receipt", Map.of("id", key, "ack", ack))));
    }

    /** How long WhatsApp's servers take to accept a message from a linked device of this token's phone. */
    Duration sendDelay(String token) {
        Device device = state.deviceByToken(token);
        return state.phones.get(device.phone).sendDelay;
    }

    /** Makes WhatsApp's servers slow to accept the phone's sends (a congested or degraded server). */
    void setSendDelay(String phoneNumber, Duration delay) {
        state.phone(phoneNumber).sendDelay = delay.isNegative() ? Duration.ZERO : delay;
    }

    Views.Delivered inbound(String phoneNumber, Inbound inbound) {
        Phone phone = state.linkedPhone(phoneNumber);
        String fromDigits = state.validPhone(inbound.from());
        state.numbers.putIfAbsent(fromDigits, inbound.notifyName() != null ? inbound.notifyName() : "+" + fromDigits);
        boolean group = inbound.group() != null && !inbound.group().isBlank();
        // WhatsApp names group members, and senders who are not the phone's contacts, by their LID.
        String from = group || inbound.fromLid() ? Wids.lid(NetworkState.lidOf(fromDigits)) : Wids.user(fromDigits);
        String remote = group ? Wids.group(inbound.group()) : from;
        String id = Wids.newMessageId(false);
        long t = state.clock.instant().getEpochSecond();
        String type = "chat";
        String mediaId = null;
        String mimetype = null;
        String filename = null;
        Long size = null;
        if (inbound.media() != null) {
            MediaStore.StoredMedia stored = state.media.put(
                    inbound.media().bytes(),
                    inbound.media().mimetype(),
                    inbound.media().filename());
            mediaId = stored.id();
            mimetype = stored.mimetype();
            filename = stored.filename();
            size = (long) stored.bytes().length;
            type = MediaTypes.messageType(mimetype);
        }
        WireMessage.Content content = content(inbound);
        if (inbound.location() != null) {
            type = "location";
        } else if (inbound.vcards() != null) {
            type = inbound.vcards().size() == 1 ? "vcard" : "multi_vcard";
        } else if (inbound.poll() != null) {
            type = "poll_creation";
        }
        if (inbound.type() != null && !inbound.type().isBlank()) {
            type = inbound.type();
        }
        boolean typed =
                content != null && (content.lat() != null || content.vcards() != null || content.pollName() != null);
        String body = "chat".equals(type)
                ? inbound.text()
                : "vcard".equals(type) ? inbound.vcards().get(0) : null;
        String caption = "chat".equals(type) || typed ? null : inbound.text();
        boolean ciphertext = inbound.ciphertext() != null
                ? inbound.ciphertext()
                : state.random.nextDouble() < state.settings.ciphertextRate();
        WireMessage message = new WireMessage(
                id,
                false,
                remote,
                group ? from : null,
                remote,
                Wids.user(phone.number),
                group ? from : null,
                type,
                body,
                caption,
                mimetype,
                filename,
                size,
                inbound.duration(),
                mediaId,
                t,
                inbound.notifyName() != null ? inbound.notifyName() : state.numbers.get(fromDigits),
                0,
                ciphertext,
                content);
        List<Device> linked = phone.linkedDevices();
        linked.forEach(d -> state.deliver(d, message));
        boolean queued = linked.stream().anyMatch(d -> !state.reachable(d));
        return new Views.Delivered(message.serializedKey(), id, linked.size(), queued);
    }

    /** Typed content and reply context of an inbound message, checked as WhatsApp's clients check them. */
    private static WireMessage.Content content(Inbound inbound) {
        int kinds = (inbound.location() != null ? 1 : 0)
                + (inbound.vcards() != null ? 1 : 0)
                + (inbound.poll() != null ? 1 : 0)
                + (inbound.media() != null ? 1 : 0);
        if (kinds > 1) {
            throw invalid("INVALID_MESSAGE", "a message is one of media, location, contacts or poll");
        }
        if (inbound.quotedMessageId() != null && !isKey(inbound.quotedMessageId())) {
            throw invalid("INVALID_MESSAGE_ID", "quoted_message_id is not a message key: " + inbound.quotedMessageId());
        }
        Inbound.Location location = inbound.location();
        if (location != null && (!(Math.abs(location.latitude()) <= 90) || !(Math.abs(location.longitude()) <= 180))) {
            throw invalid("INVALID_LOCATION", "latitude must be within ±90 and longitude within ±180");
        }
        List<String> vcards = inbound.vcards();
        if (vcards != null
                && (vcards.isEmpty()
                        || vcards.size() > 257
                        || vcards.stream().anyMatch(v -> v == null || !v.strip().startsWith("BEGIN:VCARD")))) {
            throw invalid("INVALID_CONTACTS", "contacts must be 1 to 257 vCards, each starting with BEGIN:VCARD");
        }
        Inbound.Poll poll = inbound.poll();
        if (poll != null
                && (poll.question() == null
                        || poll.question().isBlank()
                        || poll.options() == null
                        || poll.options().size() < 2
                        || poll.options().size() > 12
                        || poll.options().stream().anyMatch(o -> o == null || o.isBlank())
                        || poll.options().stream().distinct().count()
                                != poll.options().size())) {
            throw invalid("INVALID_POLL", "a poll needs a question and 2 to 12 different options");
        }
        if (location == null
                && vcards == null
                && poll == null
                && inbound.quotedMessageId() == null
                && !inbound.forwarded()) {
            return null;
        }
        String loc = location == null || location.name() == null
                ? null
                : location.address() == null ? location.name() : location.name() + "\n" + location.address();
        return new WireMessage.Content(
                null,
                null,
                location == null ? null : location.latitude(),
                location == null ? null : location.longitude(),
                loc,
                vcards == null ? null : List.copyOf(vcards),
                poll == null ? null : poll.question(),
                poll == null ? null : List.copyOf(poll.options()),
                poll == null ? null : poll.multiple() ? 0 : 1,
                inbound.quotedMessageId(),
                inbound.forwarded());
    }

    /** What a contact can do to a message after sending it. */
    enum Change {
        REACTION,
        EDIT,
        REVOKE
    }

    /**
     * A contact reacts to a message of a chat they are in, or edits or deletes for everyone a message they wrote.
     * WhatsApp carries each as a message of its own (a {@code reaction}, or a {@code protocol} message), queued
     * like any other while the device is offline; the device applies it to the message it names.
     *
     * @param target the message's key as the account's device knows it (the {@code message_id} a webhook got)
     * @param value  the emoji (empty takes the reaction back) or the new text; ignored for deletions
     */
    Views.Delivered change(String phoneNumber, Change change, String fromPhone, String target, String value) {
        Phone phone = state.linkedPhone(phoneNumber);
        String fromDigits = state.validPhone(fromPhone);
        if (target == null || !isKey(target)) {
            throw invalid("INVALID_MESSAGE_ID", "message_id is not a message key: " + target);
        }
        String[] key = target.split("_");
        boolean targetFromMe = Boolean.parseBoolean(key[0]);
        String remote = key[1];
        String participant = key.length > 3 ? key[3] : null;
        String pn = Wids.user(fromDigits);
        String lid = Wids.lid(NetworkState.lidOf(fromDigits));
        boolean group = Wids.isGroup(remote);
        boolean inChat = group || remote.equals(pn) || remote.equals(lid);
        if (!inChat) {
            throw new SimException(
                    HttpStatus.CONFLICT, "NOT_IN_CHAT", "+" + fromDigits + " is not in the chat of " + target);
        }
        if (change != Change.REACTION
                && (targetFromMe || (group && !(pn.equals(participant) || lid.equals(participant))))) {
            throw new SimException(
                    HttpStatus.CONFLICT,
                    "NOT_THE_AUTHOR",
                    "only the author can edit or delete a message for everyone; " + target + " is not from +"
                            + fromDigits);
        }
        if (change == Change.EDIT && (value == null || value.isBlank())) {
            throw invalid("INVALID_MESSAGE", "an edit needs the new text");
        }
        // In a group the author is named by LID; in a 1:1 chat as the chat names them.
        String sender = group ? lid : remote;
        String type = change == Change.REACTION ? "reaction" : "protocol";
        String subtype = switch (change) {
            case REACTION -> null;
            case EDIT -> "message_edit";
            case REVOKE -> "revoke";
        };
        String id = Wids.newMessageId(false);
        long t = state.clock.instant().getEpochSecond();
        WireMessage message = new WireMessage(
                id,
                false,
                remote,
                group ? sender : null,
                group ? remote : sender,
                Wids.user(phone.number),
                group ? sender : null,
                type,
                change == Change.REVOKE ? null : value == null ? "" : value,
                null,
                null,
                null,
                null,
                null,
                null,
                t,
                state.numbers.get(fromDigits),
                0,
                false,
                new WireMessage.Content(subtype, target, null, null, null, null, null, null, null, null, false));
        List<Device> linked = phone.linkedDevices();
        linked.forEach(d -> state.deliver(d, message));
        boolean queued = linked.stream().anyMatch(d -> !state.reachable(d));
        return new Views.Delivered(message.serializedKey(), id, linked.size(), queued);
    }

    private static boolean isKey(String key) {
        return key.matches("(true|false)_[^_@]+@(c\\.us|lid|g\\.us)_[0-9A-Za-z]{4,64}(_[^_@]+@(c\\.us|lid))?");
    }

    private static SimException invalid(String code, String message) {
        return new SimException(HttpStatus.BAD_REQUEST, code, message);
    }

    /** The phone itself sends a message: linked devices see it as their own ({@code fromMe}). */
    Views.Delivered phoneSends(String phoneNumber, String to, String text) {
        Phone phone = state.linkedPhone(phoneNumber);
        String toDigits = state.validPhone(to);
        state.numbers.putIfAbsent(toDigits, "+" + toDigits);
        String remote = Wids.user(toDigits);
        String id = Wids.newMessageId(false);
        long t = state.clock.instant().getEpochSecond();
        WireMessage message = new WireMessage(
                id,
                true,
                remote,
                null,
                Wids.user(phone.number),
                remote,
                null,
                "chat",
                text,
                null,
                null,
                null,
                null,
                null,
                null,
                t,
                phone.pushName,
                1,
                false);
        phone.outbox.add(new OutboxEntry(
                message.serializedKey(), id, remote, "chat", text, null, null, null, null, null, null, 1, "phone", t));
        phone.linkedDevices().forEach(d -> state.deliver(d, message));
        return new Views.Delivered(
                message.serializedKey(), id, phone.linkedDevices().size(), false);
    }

    List<OutboxEntry> outbox(String phoneNumber) {
        return List.copyOf(state.phone(phoneNumber).outbox);
    }
}
