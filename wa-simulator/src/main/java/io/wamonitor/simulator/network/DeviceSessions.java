package io.wamonitor.simulator.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Linked devices and their live connections: the challenge of the stored device key, resuming a session,
 * delivering what waited while a page was away, logout, conflict and takeover, and cutting a phone off.
 */
final class DeviceSessions {

    private static final Logger log = LoggerFactory.getLogger(DeviceSessions.class);

    private final NetworkState state;

    /** How many handshakes of one device may be under way or in use at once (pages reloading, reconnecting). */
    private static final int OPEN_HANDSHAKES = 4;

    DeviceSessions(NetworkState state) {
        this.state = state;
    }

    String challenge(String deviceId) {
        Device device = state.linkedDevice(deviceId);
        String challenge = state.token();
        device.challenge(challenge, OPEN_HANDSHAKES);
        return challenge;
    }

    Views.DeviceSession resume(String deviceId, String signature) {
        Device device = state.linkedDevice(deviceId);
        String answered = device.challenges.stream()
                .filter(c -> device.key.verifies(c, signature))
                .findFirst()
                .orElseThrow(() ->
                        new SimException(HttpStatus.UNAUTHORIZED, "BAD_SIGNATURE", "the device key does not match"));
        device.challenges.remove(answered);
        String token = state.token();
        state.devices.put("token:" + token, device);
        device.sessionOpened(token, OPEN_HANDSHAKES).forEach(old -> state.devices.remove("token:" + old));
        Phone phone = state.phones.get(device.phone);
        return new Views.DeviceSession(
                token, device.id, device.phone, Wids.user(device.phone), phone.pushName, "android");
    }

    /** The page opened its live connection; a pairing gets its QR, a device its queued messages. */
    void attach(String token, Connection connection) {
        PairingSession session = state.pairings.values().stream()
                .filter(s -> s.token.equals(token))
                .findFirst()
                .orElse(null);
        if (session != null) {
            if (session.connection != null) {
                session.connection.close();
            }
            session.connection = connection;
            connection.send(
                    session.idle
                            ? new Push("qr_idle", Map.of())
                            : new Push(
                                    "qr", Map.of("ref", session.refs.get(session.current), "index", session.current)));
            return;
        }
        Device device = state.deviceByToken(token);
        if (state.offlinePhones.contains(device.phone)) {
            throw new SimException(HttpStatus.SERVICE_UNAVAILABLE, "OFFLINE", "WhatsApp cannot be reached");
        }
        if (device.connection != null) {
            if (device.connection.isOpen() && !device.silenced()) {
                // WhatsApp keeps a device's newest connection: the one it replaces (the same login opened in
                // another browser, e.g. a copy of its profile) is told so and stays off until it takes over.
                log.info(
                        "Device {} of {} connected again elsewhere; the older connection is replaced",
                        device.id,
                        device.phone);
                device.connection.send(new Push("conflict", Map.of("replaced", true)));
            }
            device.connection.close();
        }
        device.connection = connection;
        device.connectionToken = token;
        if (device.conflict) {
            connection.send(new Push("conflict", Map.of()));
            return;
        }
        StallMode stalled = stallOf(device, token);
        if (stalled == StallMode.FREEZE) {
            // Frozen before anything else: the rest waits in the page until the freeze ends.
            connection.send(new Push("freeze", Map.of()));
        }
        connection.send(new Push("hello", Map.of("pending", device.pending().size())));
        if (stalled != StallMode.SILENT) {
            device.pending().forEach(m -> connection.send(new Push("message", m)));
        }
        connection.send(new Push("offline_delivery_end", Map.of()));
    }

    /**
     * A persistent stall catches each new connection of the phone's devices as its stream opens; a silenced one
     * goes quiet right after the greeting, so the page reaches the main screen and then hears nothing more.
     */
    private StallMode stallOf(Device device, String token) {
        Phone.Stall stall = state.phones.get(device.phone).stall;
        if (stall != null && stall.persistent()) {
            device.stalled.putIfAbsent(token, stall.mode());
        }
        return device.stalled.get(token);
    }

    void confirm(String token, List<String> serializedKeys) {
        state.deviceByToken(token).confirm(serializedKeys);
    }

    void logout(String token) {
        Device device = state.deviceByToken(token);
        state.unlinkDevice(device, "user_initiated");
    }

    void takeover(String token) {
        Device device = state.deviceByToken(token);
        device.conflict = false;
        if (device.connection != null) {
            device.connection.close();
        }
    }

    int unlink(String phoneNumber) {
        Phone phone = state.linkedPhone(phoneNumber);
        List<Device> linked = phone.linkedDevices();
        linked.forEach(d -> state.unlinkDevice(d, null));
        return linked.size();
    }

    void setOnline(String phoneNumber, boolean online) {
        Phone phone = state.linkedPhone(phoneNumber);
        if (online) {
            state.offlinePhones.remove(phone.number);
        } else {
            state.offlinePhones.add(phone.number);
            phone.devices.stream().filter(d -> d.connection != null).forEach(d -> d.connection.close());
        }
    }

    void conflict(String phoneNumber) {
        Phone phone = state.linkedPhone(phoneNumber);
        for (Device device : phone.linkedDevices()) {
            device.conflict = true;
            if (device.connected() && !device.silenced()) {
                device.connection.send(new Push("conflict", Map.of()));
            }
        }
    }

    Views.PhoneView phoneView(String phoneNumber) {
        Phone phone = state.phone(phoneNumber);
        List<Views.DeviceView> views = new ArrayList<>();
        for (Device d : phone.linkedDevices()) {
            views.add(new Views.DeviceView(
                    d.id,
                    d.name,
                    d.linkedAt,
                    d.connected(),
                    d.conflict,
                    d.pending().size()));
        }
        return new Views.PhoneView(
                phone.number,
                Wids.lid(NetworkState.lidOf(phone.number)),
                phone.pushName,
                !state.offlinePhones.contains(phone.number),
                views,
                phone.sendDelay.toMillis(),
                phone.stall == null
                        ? null
                        : new Views.StallView(phone.stall.mode().wireName(), phone.stall.persistent(), (int)
                                phone.linkedDevices().stream()
                                        .filter(d -> d.lastFreezePollAt != null
                                                && d.lastFreezePollAt.isAfter(
                                                        state.clock.instant().minusSeconds(10)))
                                        .count()));
    }

    List<Views.PhoneView> phones() {
        return state.phones.keySet().stream().sorted().map(this::phoneView).toList();
    }
}
