package io.wamonitor.simulator.network;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * What WhatsApp's servers know: the numbers on WhatsApp, the phones with their linked devices, the linking screens
 * waiting for a scan, and which phones are cut off. Every part of the network works on it while holding it as its
 * lock (one lock: the simulator's scale, a handful of accounts, needs no more).
 */
final class NetworkState {

    private static final Logger log = LoggerFactory.getLogger(NetworkState.class);

    final SimSettings settings;
    final MediaStore media;
    final Clock clock;
    final ScheduledExecutorService scheduler;
    final SecureRandom random = new SecureRandom();
    final Map<String, String> numbers = new LinkedHashMap<>();
    final Map<String, Phone> phones = new HashMap<>();
    final Map<String, PairingSession> pairings = new LinkedHashMap<>();
    final Map<String, Device> devices = new HashMap<>();
    final Set<String> offlinePhones = new HashSet<>();
    /** Numbers whose owner does not share the phone number behind their LID (privacy): only the LID is known. */
    final Set<String> hiddenNumbers = new HashSet<>();

    NetworkState(SimSettings settings, MediaStore media, Clock clock, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.media = media;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** Runs {@code task} later on the network's scheduler, holding the lock. */
    ScheduledFuture<?> later(Runnable task, long delayMs) {
        return scheduler.schedule(
                () -> {
                    synchronized (this) {
                        task.run();
                    }
                },
                delayMs,
                TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} every {@code periodMs}, holding the lock. */
    ScheduledFuture<?> every(Runnable task, long periodMs) {
        return scheduler.scheduleAtFixedRate(
                () -> {
                    synchronized (this) {
                        task.run();
                    }
                },
                periodMs,
                periodMs,
                TimeUnit.MILLISECONDS);
    }

    boolean exists(String phoneOrWid) {
        return numberOf(phoneOrWid).isPresent();
    }

    /**
     * Every WhatsApp user has a LID beside the phone number, a stable 15-digit id WhatsApp shows instead of the
     * number to people who are not the user's contacts and in groups. Derived from the number here, so it never
     * changes.
     */
    static String lidOf(String number) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(("lid:" + number).getBytes(StandardCharsets.UTF_8));
            long value = ByteBuffer.wrap(hash).getLong() & Long.MAX_VALUE;
            return String.valueOf(100_000_000_000_000L + value % 900_000_000_000_000L);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number a wid names: a phone number's digits, or the number behind a {@code @lid}; empty if none. */
    Optional<String> numberOf(String phoneOrWid) {
        if (Wids.isLid(phoneOrWid)) {
            String lid = Wids.digits(phoneOrWid);
            return numbers.keySet().stream().filter(n -> lidOf(n).equals(lid)).findFirst();
        }
        String digits = Wids.digits(phoneOrWid);
        return numbers.containsKey(digits) ? Optional.of(digits) : Optional.empty();
    }

    void deliver(Device device, WireMessage message) {
        device.enqueue(message);
        if (reachable(device)) {
            device.connection.send(new Push("message", message));
        }
    }

    /** The servers can push to the device now: its stream is open, not silenced, not cut off, not in conflict. */
    boolean reachable(Device device) {
        return device.connected() && !device.silenced() && !offlinePhones.contains(device.phone) && !device.conflict;
    }

    void unlinkDevice(Device device, String reason) {
        device.unlinked = true;
        if (device.connected()) {
            // On a silenced connection the logout never arrives; the server drops the stream all the same.
            if (!device.silenced()) {
                device.connection.send(new Push("logout", reason == null ? Map.of() : Map.of("reason", reason)));
            }
            device.connection.close();
        }
        device.sessionTokens.forEach(token -> devices.remove("token:" + token));
        device.sessionTokens.clear();
        device.challenges.clear();
        log.info("Device {} unlinked", device.id);
    }

    Phone phone(String phoneNumber) {
        Phone phone = phones.get(Wids.digits(phoneNumber));
        if (phone == null) {
            throw new SimException(HttpStatus.NOT_FOUND, "PHONE_NOT_FOUND", "no device was ever linked to this phone");
        }
        return phone;
    }

    Phone linkedPhone(String phoneNumber) {
        Phone phone = phone(phoneNumber);
        if (phone.linkedDevices().isEmpty()) {
            throw new SimException(HttpStatus.CONFLICT, "NOT_LINKED", "no device is linked to this phone");
        }
        return phone;
    }

    Device linkedDevice(String deviceId) {
        Device device = devices.get(deviceId);
        if (device == null || device.unlinked) {
            throw new SimException(HttpStatus.UNAUTHORIZED, "DEVICE_UNLINKED", "this device is not linked");
        }
        return device;
    }

    Device deviceByToken(String token) {
        Device device = token == null ? null : devices.get("token:" + token);
        if (device == null || device.unlinked) {
            throw new SimException(HttpStatus.UNAUTHORIZED, "DEVICE_UNLINKED", "this session is not valid");
        }
        return device;
    }

    PairingSession pairingByToken(String token) {
        return pairings.values().stream()
                .filter(s -> s.token.equals(token))
                .findFirst()
                .orElseThrow(() -> new SimException(
                        HttpStatus.NOT_FOUND, "PAIRING_NOT_FOUND", "no linking screen with this token"));
    }

    String validPhone(String phone) {
        String digits = Wids.digits(phone);
        if (!Wids.isPhoneNumber(digits)) {
            throw new SimException(
                    HttpStatus.BAD_REQUEST, "INVALID_PHONE", "a phone number is 7 to 15 digits with the country code");
        }
        return digits;
    }

    String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
