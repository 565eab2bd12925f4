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
        OutboxEntry entry = new OutboxEntry(
                key,
                id,
                to,
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
                .filter(Device::connected)
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
        String from = Wids.user(fromDigits);
        boolean group = inbound.group() != null && !inbound.group().isBlank();
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
        if (inbound.type() != null && !inbound.type().isBlank()) {
            type = inbound.type();
        }
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
                "chat".equals(type) ? inbound.text() : null,
                "chat".equals(type) ? null : inbound.text(),
                mimetype,
                filename,
                size,
                inbound.duration(),
                mediaId,
                t,
                inbound.notifyName() != null ? inbound.notifyName() : state.numbers.get(fromDigits),
                0,
                ciphertext);
        List<Device> linked = phone.linkedDevices();
        linked.forEach(d -> state.deliver(d, message));
        boolean queued = linked.stream().anyMatch(d -> !d.connected() || state.offlinePhones.contains(d.phone));
        return new Views.Delivered(message.serializedKey(), id, linked.size(), queued);
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
