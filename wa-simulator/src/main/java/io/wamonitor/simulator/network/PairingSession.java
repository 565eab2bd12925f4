package io.wamonitor.simulator.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/** A page showing the linking screen: its keys, its batch of QR refs, and an optional pairing code. */
final class PairingSession {

    final String id;
    final String token;
    final String staticKey;
    final String identityKey;
    final String advSecret;
    final Map<String, ?> deviceJwk;
    final String deviceName;
    final List<String> refs = new ArrayList<>();
    /** Refs of earlier batches: a phone scanning one is told the code is no longer valid. */
    final Set<String> expiredRefs = new HashSet<>();

    int current = -1;
    boolean idle;
    String pairingCode;
    String pairingPhone;
    Connection connection;
    ScheduledFuture<?> rotation;
    ScheduledFuture<?> codeRotation;
    int codeRefreshes;

    PairingSession(
            String id,
            String token,
            String staticKey,
            String identityKey,
            String advSecret,
            Map<String, ?> deviceJwk,
            String deviceName) {
        this.id = id;
        this.token = token;
        this.staticKey = staticKey;
        this.identityKey = identityKey;
        this.advSecret = advSecret;
        this.deviceJwk = deviceJwk;
        this.deviceName = deviceName;
    }

    /** The QR text for the ref on screen: ref, Noise static key, identity key, ADV secret. */
    String fullCode() {
        return current < 0 || idle ? null : String.join(",", refs.get(current), staticKey, identityKey, advSecret);
    }
}
