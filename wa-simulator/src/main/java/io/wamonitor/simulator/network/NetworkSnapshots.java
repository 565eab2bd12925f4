package io.wamonitor.simulator.network;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WhatsApp's side kept on disk ({@code SIM_DATA_DIR/network.json}), as WhatsApp's servers keep it: the numbers,
 * each phone with its push name and what it sent, each linked device with its public key and the messages waiting
 * for it. A simulator started again over the same directory knows every linked device, so a worker's restored
 * profile resumes without a new QR code, as with a real phone. Linking screens and live connections are not kept
 * (a page reconnects). Written whole, atomically, whenever it changed (checked every second) and when the
 * simulator stops.
 */
final class NetworkSnapshots {

    private static final Logger log = LoggerFactory.getLogger(NetworkSnapshots.class);
    private static final int VERSION = 1;

    private final Path file;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private String lastWritten;

    /** @param dir where to keep it; null: nothing is kept */
    NetworkSnapshots(Path dir) {
        this.file = dir == null ? null : dir.resolve("network.json");
        if (dir != null) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create SIM_DATA_DIR " + dir, e);
            }
        }
    }

    record Snapshot(
            int version,
            Map<String, String> numbers,
            List<String> hiddenNumbers,
            List<PhoneRecord> phones,
            List<DeviceRecord> devices) {}

    record PhoneRecord(String number, String pushName, long sendDelayMs, List<OutboxEntry> outbox) {}

    record DeviceRecord(
            String id,
            String phone,
            Map<String, String> key,
            String name,
            Instant linkedAt,
            boolean unlinked,
            List<WireMessage> pending) {}

    /** Puts what was kept into {@code state} (called once, before anything else uses it). */
    void restore(NetworkState state) {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            Snapshot snapshot = json.readValue(file.toFile(), Snapshot.class);
            state.numbers.putAll(snapshot.numbers());
            if (snapshot.hiddenNumbers() != null) {
                state.hiddenNumbers.addAll(snapshot.hiddenNumbers());
            }
            for (PhoneRecord record : snapshot.phones()) {
                Phone phone = new Phone(record.number(), record.pushName());
                phone.sendDelay = Duration.ofMillis(record.sendDelayMs());
                phone.outbox.addAll(record.outbox());
                state.phones.put(phone.number, phone);
            }
            for (DeviceRecord record : snapshot.devices()) {
                Device device = new Device(
                        record.id(), record.phone(), DeviceKey.fromJwk(record.key()), record.name(), record.linkedAt());
                device.unlinked = record.unlinked();
                record.pending().forEach(device::enqueue);
                state.devices.put(device.id, device);
                Phone phone = state.phones.get(device.phone);
                if (phone != null) {
                    phone.devices.add(device);
                }
            }
            lastWritten = Files.readString(file);
            log.info(
                    "WhatsApp's side restored from {}: {} numbers, {} phones, {} linked devices",
                    file,
                    state.numbers.size(),
                    state.phones.size(),
                    state.devices.values().stream().filter(d -> !d.unlinked).count());
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read {} ({}); starting with nothing, as a new WhatsApp would", file, e.getMessage());
        }
    }

    /** Writes the state if it changed since the last write (the caller holds the state's lock). */
    void save(NetworkState state) {
        if (file == null) {
            return;
        }
        try {
            String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(capture(state));
            if (text.equals(lastWritten)) {
                return;
            }
            Path incoming = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(incoming, text);
            Files.move(incoming, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            lastWritten = text;
        } catch (IOException e) {
            log.warn("Cannot write {}: {}", file, e.getMessage());
        }
    }

    private static Snapshot capture(NetworkState state) {
        List<PhoneRecord> phones = new ArrayList<>();
        state.phones.values().stream()
                .sorted((a, b) -> a.number.compareTo(b.number))
                .forEach(p -> phones.add(
                        new PhoneRecord(p.number, p.pushName, p.sendDelay.toMillis(), List.copyOf(p.outbox))));
        List<DeviceRecord> devices = new ArrayList<>();
        state.devices.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("token:"))
                .map(Map.Entry::getValue)
                .sorted((a, b) -> a.id.compareTo(b.id))
                .forEach(d -> devices.add(
                        new DeviceRecord(d.id, d.phone, d.key.jwk(), d.name, d.linkedAt, d.unlinked, d.pending())));
        return new Snapshot(
                VERSION,
                new LinkedHashMap<>(state.numbers),
                state.hiddenNumbers.stream().sorted().toList(),
                phones,
                devices);
    }
}
