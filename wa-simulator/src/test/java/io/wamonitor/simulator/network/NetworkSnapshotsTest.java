package io.wamonitor.simulator.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WhatsApp's side kept on disk: a new simulator over the same directory knows the linked devices and their keys. */
class NetworkSnapshotsTest {

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aRestartedNetworkKnowsTheLinkedDevicesTheirKeysAndWhatWaitsForThem() throws Exception {
        KeyPair pair = TestKeys.keyPair();
        NetworkState before = state();
        before.numbers.put("15550001111", "Alice");
        Phone phone = new Phone("15550001111", "Alice");
        phone.sendDelay = Duration.ofMillis(250);
        before.phones.put(phone.number, phone);
        Device device = new Device(
                "15550001111:1",
                phone.number,
                DeviceKey.fromJwk(TestKeys.jwk(pair)),
                "Support",
                Instant.parse("2026-12-01T10:00:00Z"));
        device.enqueue(new WireMessage(
                "3EB0AA",
                false,
                "15550002222@c.us",
                null,
                "15550002222@c.us",
                "15550001111@c.us",
                null,
                "chat",
                "waiting",
                null,
                null,
                null,
                null,
                null,
                null,
                1_764_583_200L,
                "Bob",
                0,
                false));
        phone.devices.add(device);
        before.devices.put(device.id, device);
        before.devices.put("token:abc", device); // a live session: not kept
        new NetworkSnapshots(dir).save(before);

        NetworkState after = state();
        new NetworkSnapshots(dir).restore(after);

        assertThat(after.numbers).containsEntry("15550001111", "Alice");
        assertThat(after.phones.get("15550001111").sendDelay).isEqualTo(Duration.ofMillis(250));
        assertThat(after.devices).containsOnlyKeys("15550001111:1");
        Device restored = after.devices.get("15550001111:1");
        assertThat(after.phones.get("15550001111").linkedDevices()).containsExactly(restored);
        assertThat(restored.pending())
                .singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("waiting"));
        assertThat(restored.key.verifies("challenge", TestKeys.sign(pair, "challenge")))
                .as("the device's key still proves the device")
                .isTrue();
    }

    @Test
    void withoutADirectoryNothingIsWrittenAndAnUnreadableFileStartsEmpty() throws Exception {
        NetworkState state = state();
        state.numbers.put("15550001111", "Alice");
        new NetworkSnapshots(null).save(state);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }

        Files.writeString(dir.resolve("network.json"), "{not json");
        NetworkState fresh = state();
        new NetworkSnapshots(dir).restore(fresh);
        assertThat(fresh.numbers).isEmpty();
    }

    private NetworkState state() {
        SimSettings settings = new SimSettings(null, 0, 0, null, null, null, 0, dir.toString());
        return new NetworkState(settings, new MediaStore(settings), Clock.systemUTC(), scheduler);
    }
}
