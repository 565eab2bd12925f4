package io.wamonitor.simulator.network;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * WhatsApp's servers as the simulator models them: which numbers exist, each phone's linked devices, the
 * pairing of new devices, per-device ordered delivery queues, the outbox and receipts. One lock guards it all;
 * the simulator's scale (a handful of accounts) does not need more.
 */
@Component
public class WhatsAppNetwork implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppNetwork.class);
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTVWXYZ123456789";

    private final SimSettings settings;
    private final MediaStore media;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "whatsapp-network");
        t.setDaemon(true);
        return t;
    });

    private final Map<String, String> numbers = new LinkedHashMap<>();
    private final Map<String, Phone> phones = new HashMap<>();
    private final Map<String, PairingSession> pairings = new LinkedHashMap<>();
    private final Map<String, Device> devices = new HashMap<>();
    private final Set<String> offlinePhones = new HashSet<>();
    private volatile boolean running;

    public WhatsAppNetwork(SimSettings settings, MediaStore media) {
        this.settings = settings;
        this.media = media;
        this.clock = Clock.systemUTC();
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every live connection first (this runs before the web server's graceful shutdown), so the server
     * does not wait for pages that never leave; the pages reconnect to the next simulator.
     */
    @Override
    public synchronized void stop() {
        running = false;
        pairings.values().stream().filter(s -> s.connection != null).forEach(s -> s.connection.close());
        devices.values().stream().filter(d -> d.connection != null).forEach(d -> d.connection.close());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void shutdownScheduler() {
        scheduler.shutdownNow();
    }

    // ---- directory ----------------------------------------------------------------------------------------

    public synchronized void registerNumber(String phone, String name) {
        String digits = validPhone(phone);
        numbers.put(digits, name == null || name.isBlank() ? "+" + digits : name);
    }

    public synchronized void unregisterNumber(String phone) {
        numbers.remove(Wids.digits(phone));
    }

    public synchronized boolean exists(String phoneOrWid) {
        return numbers.containsKey(Wids.digits(phoneOrWid));
    }

    public synchronized List<Views.NumberView> numbers() {
        return numbers.entrySet().stream()
                .map(e -> new Views.NumberView(e.getKey(), e.getValue(), phones.containsKey(e.getKey())
                        && !phones.get(e.getKey()).linkedDevices().isEmpty()))
                .toList();
    }

    // ---- pairing: the linking screen ---------------------------------------------------------------------

    public synchronized Views.PairingStarted startPairing(String staticKey, String identityKey, String advSecret,
                                                         Map<String, ?> deviceJwk, String deviceName) {
        DeviceKey.fromJwk(deviceJwk); // reject unusable keys now, not at link time
        PairingSession session = new PairingSession(UUID.randomUUID().toString(), token(), staticKey, identityKey,
                advSecret, deviceJwk, deviceName == null || deviceName.isBlank() ? "Chrome (Linux)" : deviceName);
        pairings.put(session.id, session);
        newRefBatch(session);
        return new Views.PairingStarted(session.id, session.token, settings.qrInterval().toMillis());
    }

    public synchronized void refreshQr(String token) {
        PairingSession session = pairingByToken(token);
        newRefBatch(session);
    }

    public synchronized String requestPairingCode(String token, String phone) {
        PairingSession session = pairingByToken(token);
        String digits = validPhone(phone);
        if (session.pairingCode == null || !digits.equals(session.pairingPhone)) {
            session.pairingCode = newPairingCode();
            session.pairingPhone = digits;
            session.codeRefreshes = 0;
            stopCodeRotation(session);
            long interval = settings.pairingCodeInterval().toMillis();
            session.codeRotation = scheduler.scheduleAtFixedRate(() -> rotateCode(session.id), interval, interval,
                    TimeUnit.MILLISECONDS);
        }
        return session.pairingCode;
    }

    /** An unused code is replaced a few times (pushed to the page), then expires. */
    private synchronized void rotateCode(String pairingId) {
        PairingSession session = pairings.get(pairingId);
        if (session == null || session.pairingCode == null) {
            return;
        }
        if (session.codeRefreshes < settings.pairingCodeRefreshes()) {
            session.codeRefreshes++;
            session.pairingCode = newPairingCode();
            if (session.connection != null) {
                session.connection.send(new Push("link_code", Map.of("code", session.pairingCode)));
            }
        } else {
            session.pairingCode = null;
            session.pairingPhone = null;
            stopCodeRotation(session);
            if (session.connection != null) {
                session.connection.send(new Push("link_code_expired", Map.of()));
            }
        }
    }

    private String newPairingCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private void stopCodeRotation(PairingSession session) {
        if (session.codeRotation != null) {
            session.codeRotation.cancel(false);
            session.codeRotation = null;
        }
    }

    public synchronized void cancelPairingCode(String token) {
        PairingSession session = pairingByToken(token);
        session.pairingCode = null;
        session.pairingPhone = null;
        stopCodeRotation(session);
    }

    /** The phone scans the QR on screen. */
    public synchronized Views.Linked linkByQr(String qr, String phone, String pushName) {
        String digits = validPhone(phone);
        String[] parts = qr == null ? new String[0] : qr.split(",");
        if (parts.length < 4) {
            throw new SimException(HttpStatus.BAD_REQUEST, "QR_INVALID", "not a WhatsApp Web QR code");
        }
        for (PairingSession session : pairings.values()) {
            if (!session.refs.contains(parts[0]) && !session.expiredRefs.contains(parts[0])) {
                continue;
            }
            if (session.idle || !session.refs.contains(parts[0]) || !parts[0].equals(session.refs.get(session.current))) {
                throw new SimException(HttpStatus.GONE, "QR_EXPIRED", "this QR code is no longer valid");
            }
            if (!parts[1].equals(session.staticKey) || !parts[2].equals(session.identityKey)
                    || !parts[3].equals(session.advSecret)) {
                throw new SimException(HttpStatus.BAD_REQUEST, "QR_INVALID", "the QR code keys do not match");
            }
            return link(session, digits, pushName);
        }
        throw new SimException(HttpStatus.NOT_FOUND, "QR_NOT_FOUND", "no linking screen shows this QR code");
    }

    /** The user types the pairing code on the phone. */
    public synchronized Views.Linked confirmPairingCode(String phone, String code, String pushName) {
        String digits = validPhone(phone);
        String normalized = code == null ? "" : code.replace("-", "").trim().toUpperCase();
        for (PairingSession session : pairings.values()) {
            if (normalized.equals(session.pairingCode) && digits.equals(session.pairingPhone)) {
                return link(session, digits, pushName);
            }
        }
        throw new SimException(HttpStatus.NOT_FOUND, "PAIRING_CODE_NOT_FOUND",
                "no linking screen waits for this code and number");
    }

    /** Linking screens that are open right now (a closed page's session is gone with its connection). */
    public synchronized List<Views.PendingPairing> pendingPairings() {
        pairings.values().removeIf(s -> s.connection != null && !s.connection.isOpen() && s.idle);
        return pairings.values().stream()
                .filter(s -> s.connection != null && s.connection.isOpen())
                .map(s -> new Views.PendingPairing(s.id, s.fullCode(), s.idle, s.pairingCode, s.pairingPhone,
                        s.deviceName))
                .toList();
    }

    private Views.Linked link(PairingSession session, String digits, String pushName) {
        numbers.putIfAbsent(digits, "+" + digits);
        Phone phone = phones.computeIfAbsent(digits, d -> new Phone(d, "User " + d));
        if (pushName != null && !pushName.isBlank()) {
            phone.pushName = pushName;
        }
        Device device = new Device(digits + ":" + (phone.devices.size() + 1), digits,
                DeviceKey.fromJwk(session.deviceJwk), session.deviceName, clock.instant());
        phone.devices.add(device);
        devices.put(device.id, device);
        stopRotation(session);
        stopCodeRotation(session);
        pairings.remove(session.id);
        if (session.connection != null) {
            session.connection.send(new Push("paired", Map.of("device_id", device.id, "phone", digits,
                    "wid", Wids.user(digits), "push_name", phone.pushName)));
            session.connection.close();
        }
        log.info("Device {} ({}) linked to +{}", device.id, device.name, digits);
        return new Views.Linked(device.id, digits, Wids.user(digits));
    }

    private void newRefBatch(PairingSession session) {
        stopRotation(session);
        session.expiredRefs.addAll(session.refs);
        session.refs.clear();
        for (int i = 0; i < settings.qrRefs(); i++) {
            byte[] bytes = new byte[33];
            random.nextBytes(bytes);
            session.refs.add("2@" + Base64.getEncoder().encodeToString(bytes));
        }
        session.current = 0;
        session.idle = false;
        pushQr(session);
        long interval = settings.qrInterval().toMillis();
        session.rotation = scheduler.scheduleAtFixedRate(() -> rotate(session.id), interval, interval,
                TimeUnit.MILLISECONDS);
    }

    private synchronized void rotate(String pairingId) {
        PairingSession session = pairings.get(pairingId);
        if (session == null || session.idle) {
            return;
        }
        if (session.current + 1 < session.refs.size()) {
            session.current++;
            pushQr(session);
        } else {
            session.idle = true;
            stopRotation(session);
            if (session.connection != null) {
                session.connection.send(new Push("qr_idle", Map.of()));
            }
        }
    }

    private void pushQr(PairingSession session) {
        if (session.connection != null) {
            session.connection.send(new Push("qr", Map.of("ref", session.refs.get(session.current),
                    "index", session.current)));
        }
    }

    private void stopRotation(PairingSession session) {
        if (session.rotation != null) {
            session.rotation.cancel(false);
            session.rotation = null;
        }
    }

    // ---- a linked page's session ------------------------------------------------------------------------

    public synchronized String challenge(String deviceId) {
        Device device = linkedDevice(deviceId);
        device.challenge = token();
        return device.challenge;
    }

    public synchronized Views.DeviceSession resume(String deviceId, String signature) {
        Device device = linkedDevice(deviceId);
        String challenge = device.challenge;
        device.challenge = null;
        if (challenge == null || !device.key.verifies(challenge, signature)) {
            throw new SimException(HttpStatus.UNAUTHORIZED, "BAD_SIGNATURE", "the device key does not match");
        }
        if (device.sessionToken != null) {
            devices.remove("token:" + device.sessionToken);
        }
        device.sessionToken = token();
        devices.put("token:" + device.sessionToken, device);
        Phone phone = phones.get(device.phone);
        return new Views.DeviceSession(device.sessionToken, device.id, device.phone, Wids.user(device.phone),
                phone.pushName, "android");
    }

    /** The page opened its live connection; a pairing gets its QR, a device its queued messages. */
    public synchronized void attach(String token, Connection connection) {
        PairingSession session = pairings.values().stream().filter(s -> s.token.equals(token)).findFirst()
                .orElse(null);
        if (session != null) {
            if (session.connection != null) {
                session.connection.close();
            }
            session.connection = connection;
            connection.send(session.idle ? new Push("qr_idle", Map.of())
                    : new Push("qr", Map.of("ref", session.refs.get(session.current), "index", session.current)));
            return;
        }
        Device device = deviceByToken(token);
        if (offlinePhones.contains(device.phone)) {
            throw new SimException(HttpStatus.SERVICE_UNAVAILABLE, "OFFLINE", "WhatsApp cannot be reached");
        }
        if (device.connection != null) {
            device.connection.close();
        }
        device.connection = connection;
        if (device.conflict) {
            connection.send(new Push("conflict", Map.of()));
            return;
        }
        connection.send(new Push("hello", Map.of("pending", device.pending().size())));
        device.pending().forEach(m -> connection.send(new Push("message", m)));
        connection.send(new Push("offline_delivery_end", Map.of()));
    }

    public synchronized void confirm(String token, List<String> serializedKeys) {
        deviceByToken(token).confirm(serializedKeys);
    }

    public synchronized Views.SendResult send(String token, Outgoing outgoing) {
        Device device = deviceByToken(token);
        Phone phone = phones.get(device.phone);
        String to = outgoing.to();
        if (!Wids.isGroup(to) && !exists(to)) {
            throw new SimException(HttpStatus.NOT_FOUND, "NOT_ON_WHATSAPP", "Failed to find or create chat for " + to);
        }
        String id = outgoing.id() != null && outgoing.id().matches("[0-9A-F]{10,40}") ? outgoing.id()
                : Wids.newMessageId(true);
        String retransmitted = Wids.serializedKey(true, to, id, null);
        for (OutboxEntry earlier : phone.outbox) {
            if (earlier.messageId().equals(retransmitted)) {
                // WhatsApp's servers take a message id once: a device that sends it again gets the same answer.
                return new Views.SendResult(id, retransmitted, earlier.timestamp(), earlier.ack());
            }
        }
        long t = clock.instant().getEpochSecond();
        Optional<MediaStore.StoredMedia> stored = media.get(outgoing.mediaId());
        String key = Wids.serializedKey(true, to, id, null);
        OutboxEntry entry = new OutboxEntry(key, id, to, outgoing.type(),
                "chat".equals(outgoing.type()) ? outgoing.body() : null, outgoing.caption(),
                stored.map(MediaStore.StoredMedia::mimetype).orElse(null),
                stored.map(MediaStore.StoredMedia::filename).orElse(outgoing.filename()),
                stored.map(s -> (long) s.bytes().length).orElse(null),
                stored.map(MediaStore.StoredMedia::sha256).orElse(null), outgoing.mediaId(), 1, "web", t);
        phone.outbox.add(entry);
        deliverToRecipient(phone, entry, outgoing, id, t);
        scheduleReceipt(phone.number, key, 2, settings.deliveryDelay().toMillis());
        if (!settings.readDelay().isNegative() && !settings.readDelay().isZero()) {
            scheduleReceipt(phone.number, key, 3, settings.readDelay().toMillis());
        }
        // Other linked devices of the same phone see the message too, as sent by "me".
        WireMessage echo = new WireMessage(id, true, to, null, Wids.user(phone.number), to, null,
                outgoing.type(), outgoing.body(), outgoing.caption(), entry.mimetype(), entry.filename(),
                entry.size(), outgoing.duration(), outgoing.mediaId(), t, phone.pushName, 1, false);
        phone.linkedDevices().stream().filter(d -> d != device).forEach(d -> deliver(d, echo));
        return new Views.SendResult(id, key, t, 1);
    }

    /** A simulated recipient that is itself a linked account receives the message like any inbound one. */
    private void deliverToRecipient(Phone sender, OutboxEntry entry, Outgoing outgoing, String id, long t) {
        Phone recipient = phones.get(Wids.digits(entry.to()));
        if (recipient == null || Wids.isGroup(entry.to())) {
            return;
        }
        String from = Wids.user(sender.number);
        WireMessage message = new WireMessage(id, false, from, null, from, Wids.user(recipient.number), null,
                outgoing.type(), outgoing.body(), outgoing.caption(), entry.mimetype(), entry.filename(),
                entry.size(), outgoing.duration(), outgoing.mediaId(), t, sender.pushName, 0, false);
        recipient.linkedDevices().forEach(d -> deliver(d, message));
    }

    private void scheduleReceipt(String phoneNumber, String key, int ack, long delayMs) {
        scheduler.schedule(() -> receipt(phoneNumber, key, ack), delayMs, TimeUnit.MILLISECONDS);
    }

    private synchronized void receipt(String phoneNumber, String key, int ack) {
        Phone phone = phones.get(phoneNumber);
        if (phone == null) {
            return;
        }
        phone.outbox.replaceAll(e -> e.messageId().equals(key) ? e.withAck(ack) : e);
        phone.linkedDevices().stream().filter(Device::connected)
                .forEach(d -> d.connection.send(new Push("receipt", Map.of("id", key, "ack", ack))));
    }

    /** How long WhatsApp's servers take to accept a message from a linked device of this token's phone. */
    public synchronized java.time.Duration sendDelay(String token) {
        Device device = deviceByToken(token);
        return phones.get(device.phone).sendDelay;
    }

    /** Makes WhatsApp's servers slow to accept the phone's sends (a congested or degraded server). */
    public synchronized void setSendDelay(String phoneNumber, java.time.Duration delay) {
        phone(phoneNumber).sendDelay = delay.isNegative() ? java.time.Duration.ZERO : delay;
    }

    public synchronized void logout(String token) {
        Device device = deviceByToken(token);
        unlinkDevice(device, "user_initiated");
    }

    public synchronized void takeover(String token) {
        Device device = deviceByToken(token);
        device.conflict = false;
        if (device.connection != null) {
            device.connection.close();
        }
    }

    // ---- the phone and the servers (control API) --------------------------------------------------------

    public synchronized Views.Delivered inbound(String phoneNumber, Inbound inbound) {
        Phone phone = linkedPhone(phoneNumber);
        String fromDigits = validPhone(inbound.from());
        numbers.putIfAbsent(fromDigits, inbound.notifyName() != null ? inbound.notifyName() : "+" + fromDigits);
        String from = Wids.user(fromDigits);
        boolean group = inbound.group() != null && !inbound.group().isBlank();
        String remote = group ? Wids.group(inbound.group()) : from;
        String id = Wids.newMessageId(false);
        long t = clock.instant().getEpochSecond();
        String type = "chat";
        String mediaId = null;
        String mimetype = null;
        String filename = null;
        Long size = null;
        if (inbound.media() != null) {
            MediaStore.StoredMedia stored = media.put(inbound.media().bytes(), inbound.media().mimetype(),
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
        boolean ciphertext = inbound.ciphertext() != null ? inbound.ciphertext()
                : random.nextDouble() < settings.ciphertextRate();
        WireMessage message = new WireMessage(id, false, remote, group ? from : null, remote,
                Wids.user(phone.number), group ? from : null, type,
                "chat".equals(type) ? inbound.text() : null, "chat".equals(type) ? null : inbound.text(),
                mimetype, filename, size, inbound.duration(), mediaId, t,
                inbound.notifyName() != null ? inbound.notifyName() : numbers.get(fromDigits), 0, ciphertext);
        List<Device> linked = phone.linkedDevices();
        linked.forEach(d -> deliver(d, message));
        boolean queued = linked.stream().anyMatch(d -> !d.connected() || offlinePhones.contains(d.phone));
        return new Views.Delivered(message.serializedKey(), id, linked.size(), queued);
    }

    /** The phone itself sends a message: linked devices see it as their own ({@code fromMe}). */
    public synchronized Views.Delivered phoneSends(String phoneNumber, String to, String text) {
        Phone phone = linkedPhone(phoneNumber);
        String toDigits = validPhone(to);
        numbers.putIfAbsent(toDigits, "+" + toDigits);
        String remote = Wids.user(toDigits);
        String id = Wids.newMessageId(false);
        long t = clock.instant().getEpochSecond();
        WireMessage message = new WireMessage(id, true, remote, null, Wids.user(phone.number), remote, null, "chat",
                text, null, null, null, null, null, null, t, phone.pushName, 1, false);
        phone.outbox.add(new OutboxEntry(message.serializedKey(), id, remote, "chat", text, null, null, null, null,
                null, null, 1, "phone", t));
        phone.linkedDevices().forEach(d -> deliver(d, message));
        return new Views.Delivered(message.serializedKey(), id, phone.linkedDevices().size(), false);
    }

    public synchronized int unlink(String phoneNumber) {
        Phone phone = linkedPhone(phoneNumber);
        List<Device> linked = phone.linkedDevices();
        linked.forEach(d -> unlinkDevice(d, null));
        return linked.size();
    }

    public synchronized void setOnline(String phoneNumber, boolean online) {
        Phone phone = linkedPhone(phoneNumber);
        if (online) {
            offlinePhones.remove(phone.number);
        } else {
            offlinePhones.add(phone.number);
            phone.devices.stream().filter(d -> d.connection != null).forEach(d -> d.connection.close());
        }
    }

    public synchronized void conflict(String phoneNumber) {
        Phone phone = linkedPhone(phoneNumber);
        for (Device device : phone.linkedDevices()) {
            device.conflict = true;
            if (device.connected()) {
                device.connection.send(new Push("conflict", Map.of()));
            }
        }
    }

    public synchronized List<OutboxEntry> outbox(String phoneNumber) {
        return List.copyOf(phone(phoneNumber).outbox);
    }

    public synchronized Views.PhoneView phoneView(String phoneNumber) {
        Phone phone = phone(phoneNumber);
        List<Views.DeviceView> views = new ArrayList<>();
        for (Device d : phone.linkedDevices()) {
            views.add(new Views.DeviceView(d.id, d.name, d.linkedAt, d.connected(), d.conflict,
                    d.pending().size()));
        }
        return new Views.PhoneView(phone.number, phone.pushName, !offlinePhones.contains(phone.number), views,
                phone.sendDelay.toMillis());
    }

    public synchronized List<Views.PhoneView> phones() {
        return phones.keySet().stream().sorted().map(this::phoneView).toList();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private void deliver(Device device, WireMessage message) {
        device.enqueue(message);
        if (device.connected() && !offlinePhones.contains(device.phone) && !device.conflict) {
            device.connection.send(new Push("message", message));
        }
    }

    private void unlinkDevice(Device device, String reason) {
        device.unlinked = true;
        if (device.connected()) {
            device.connection.send(new Push("logout", reason == null ? Map.of() : Map.of("reason", reason)));
            device.connection.close();
        }
        if (device.sessionToken != null) {
            devices.remove("token:" + device.sessionToken);
        }
        log.info("Device {} unlinked", device.id);
    }

    private Phone phone(String phoneNumber) {
        Phone phone = phones.get(Wids.digits(phoneNumber));
        if (phone == null) {
            throw new SimException(HttpStatus.NOT_FOUND, "PHONE_NOT_FOUND", "no device was ever linked to this phone");
        }
        return phone;
    }

    private Phone linkedPhone(String phoneNumber) {
        Phone phone = phone(phoneNumber);
        if (phone.linkedDevices().isEmpty()) {
            throw new SimException(HttpStatus.CONFLICT, "NOT_LINKED", "no device is linked to this phone");
        }
        return phone;
    }

    private Device linkedDevice(String deviceId) {
        Device device = devices.get(deviceId);
        if (device == null || device.unlinked) {
            throw new SimException(HttpStatus.UNAUTHORIZED, "DEVICE_UNLINKED", "this device is not linked");
        }
        return device;
    }

    private Device deviceByToken(String token) {
        Device device = token == null ? null : devices.get("token:" + token);
        if (device == null || device.unlinked) {
            throw new SimException(HttpStatus.UNAUTHORIZED, "DEVICE_UNLINKED", "this session is not valid");
        }
        return device;
    }

    private PairingSession pairingByToken(String token) {
        return pairings.values().stream().filter(s -> s.token.equals(token)).findFirst()
                .orElseThrow(() -> new SimException(HttpStatus.NOT_FOUND, "PAIRING_NOT_FOUND",
                        "no linking screen with this token"));
    }

    private String validPhone(String phone) {
        String digits = Wids.digits(phone);
        if (!Wids.isPhoneNumber(digits)) {
            throw new SimException(HttpStatus.BAD_REQUEST, "INVALID_PHONE",
                    "a phone number is 7 to 15 digits with the country code");
        }
        return digits;
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
