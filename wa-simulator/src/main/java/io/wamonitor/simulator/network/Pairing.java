package io.wamonitor.simulator.network;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Linking new devices: the QR refs of each linking screen, issued in batches that rotate and then go idle, and the
 * pairing codes, replaced a few times and then expired, as WhatsApp does.
 */
final class Pairing {

    private static final Logger log = LoggerFactory.getLogger(Pairing.class);

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTVWXYZ123456789";

    private final NetworkState state;

    Pairing(NetworkState state) {
        this.state = state;
    }

    Views.PairingStarted startPairing(
            String staticKey, String identityKey, String advSecret, Map<String, ?> deviceJwk, String deviceName) {
        DeviceKey.fromJwk(deviceJwk); // reject unusable keys now, not at link time
        PairingSession session = new PairingSession(
                UUID.randomUUID().toString(),
                state.token(),
                staticKey,
                identityKey,
                advSecret,
                deviceJwk,
                deviceName == null || deviceName.isBlank() ? "Chrome (Linux)" : deviceName);
        state.pairings.put(session.id, session);
        newRefBatch(session);
        return new Views.PairingStarted(
                session.id, session.token, state.settings.qrInterval().toMillis());
    }

    void refreshQr(String token) {
        PairingSession session = state.pairingByToken(token);
        newRefBatch(session);
    }

    String requestPairingCode(String token, String phone) {
        PairingSession session = state.pairingByToken(token);
        String digits = state.validPhone(phone);
        if (session.pairingCode == null || !digits.equals(session.pairingPhone)) {
            session.pairingCode = newPairingCode();
            session.pairingPhone = digits;
            session.codeRefreshes = 0;
            stopCodeRotation(session);
            long interval = state.settings.pairingCodeInterval().toMillis();
            session.codeRotation = state.every(() -> rotateCode(session.id), interval);
        }
        return session.pairingCode;
    }

    /** An unused code is replaced a few times (pushed to the page), then expires. */
    void rotateCode(String pairingId) {
        PairingSession session = state.pairings.get(pairingId);
        if (session == null || session.pairingCode == null) {
            return;
        }
        if (session.codeRefreshes < state.settings.pairingCodeRefreshes()) {
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

    String newPairingCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET.charAt(state.random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    void stopCodeRotation(PairingSession session) {
        if (session.codeRotation != null) {
            session.codeRotation.cancel(false);
            session.codeRotation = null;
        }
    }

    void cancelPairingCode(String token) {
        PairingSession session = state.pairingByToken(token);
        session.pairingCode = null;
        session.pairingPhone = null;
        stopCodeRotation(session);
    }

    /** The phone scans the QR on screen. */
    Views.Linked linkByQr(String qr, String phone, String pushName) {
        String digits = state.validPhone(phone);
        String[] parts = qr == null ? new String[0] : qr.split(",");
        if (parts.length < 4) {
            throw new SimException(HttpStatus.BAD_REQUEST, "QR_INVALID", "not a WhatsApp Web QR code");
        }
        for (PairingSession session : state.pairings.values()) {
            if (!session.refs.contains(parts[0]) && !session.expiredRefs.contains(parts[0])) {
                continue;
            }
            if (session.idle
                    || !session.refs.contains(parts[0])
                    || !parts[0].equals(session.refs.get(session.current))) {
                throw new SimException(HttpStatus.GONE, "QR_EXPIRED", "this QR code is no longer valid");
            }
            if (!parts[1].equals(session.staticKey)
                    || !parts[2].equals(session.identityKey)
                    || !parts[3].equals(session.advSecret)) {
                throw new SimException(HttpStatus.BAD_REQUEST, "QR_INVALID", "the QR code keys do not match");
            }
            return link(session, digits, pushName);
        }
        throw new SimException(HttpStatus.NOT_FOUND, "QR_NOT_FOUND", "no linking screen shows this QR code");
    }

    /** The user types the pairing code on the phone. */
    Views.Linked confirmPairingCode(String phone, String code, String pushName) {
        String digits = state.validPhone(phone);
        String normalized = code == null ? "" : code.replace("-", "").trim().toUpperCase();
        for (PairingSession session : state.pairings.values()) {
            if (normalized.equals(session.pairingCode) && digits.equals(session.pairingPhone)) {
                return link(session, digits, pushName);
            }
        }
        throw new SimException(
                HttpStatus.NOT_FOUND, "PAIRING_CODE_NOT_FOUND", "no linking screen waits for this code and number");
    }

    /** Linking screens that are open right now (a closed page's session is gone with its connection). */
    List<Views.PendingPairing> pendingPairings() {
        state.pairings.values().removeIf(s -> s.connection != null && !s.connection.isOpen() && s.idle);
        return state.pairings.values().stream()
                .filter(s -> s.connection != null && s.connection.isOpen())
                .map(s -> new Views.PendingPairing(
                        s.id, s.fullCode(), s.idle, s.pairingCode, s.pairingPhone, s.deviceName))
                .toList();
    }

    Views.Linked link(PairingSession session, String digits, String pushName) {
        state.numbers.putIfAbsent(digits, "+" + digits);
        Phone phone = state.phones.computeIfAbsent(digits, d -> new Phone(d, "User " + d));
        if (pushName != null && !pushName.isBlank()) {
            phone.pushName = pushName;
        }
        Device device = new Device(
                digits + ":" + (phone.devices.size() + 1),
                digits,
                DeviceKey.fromJwk(session.deviceJwk),
                session.deviceName,
                state.clock.instant());
        phone.devices.add(device);
        state.devices.put(device.id, device);
        stopRotation(session);
        stopCodeRotation(session);
        state.pairings.remove(session.id);
        if (session.connection != null) {
            session.connection.send(new Push(
                    "paired",
                    Map.of(
                            "device_id",
                            device.id,
                            "phone",
                            digits,
                            "wid",
                            Wids.user(digits),
                            "push_name",
                            phone.pushName)));
            session.connection.close();
        }
        log.info("Device {} ({}) linked to +{}", device.id, device.name, digits);
        return new Views.Linked(device.id, digits, Wids.user(digits));
    }

    void newRefBatch(PairingSession session) {
        stopRotation(session);
        session.expiredRefs.addAll(session.refs);
        session.refs.clear();
        for (int i = 0; i < state.settings.qrRefs(); i++) {
            byte[] bytes = new byte[33];
            state.random.nextBytes(bytes);
            session.refs.add("2@" + Base64.getEncoder().encodeToString(bytes));
        }
        session.current = 0;
        session.idle = false;
        pushQr(session);
        long interval = state.settings.qrInterval().toMillis();
        session.rotation = state.every(() -> rotate(session.id), interval);
    }

    void rotate(String pairingId) {
        PairingSession session = state.pairings.get(pairingId);
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

    void pushQr(PairingSession session) {
        if (session.connection != null) {
            session.connection.send(
                    new Push("qr", Map.of("ref", session.refs.get(session.current), "index", session.current)));
        }
    }

    void stopRotation(PairingSession session) {
        if (session.rotation != null) {
            session.rotation.cancel(false);
            session.rotation = null;
        }
    }
}
