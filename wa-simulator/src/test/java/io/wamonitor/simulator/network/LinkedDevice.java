package io.wamonitor.simulator.network;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;

/** WhatsApp's servers holding one phone (Alice) with one linked device, and that device's key pair. */
record LinkedDevice(NetworkState state, Phone phone, Device device, KeyPair pair) {

    static LinkedDevice create(ScheduledExecutorService scheduler) throws Exception {
        SimSettings settings = new SimSettings(null, 0, 0, null, null, null, 0, null);
        NetworkState state = new NetworkState(settings, new MediaStore(settings), Clock.systemUTC(), scheduler);
        Phone phone = new Phone("15550001111", "Alice");
        state.phones.put(phone.number, phone);
        KeyPair pair = TestKeys.keyPair();
        Device device = new Device(
                "15550001111:1", phone.number, DeviceKey.fromJwk(TestKeys.jwk(pair)), "Support", Instant.now());
        phone.devices.add(device);
        state.devices.put(device.id, device);
        return new LinkedDevice(state, phone, device, pair);
    }
}
