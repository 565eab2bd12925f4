package io.wamonitor.simulator.network;

import java.time.Instant;
import java.util.List;

/** What the network returns to its callers: plain records, never its mutable state. */
public final class Views {

    private Views() {}

    public record PairingStarted(String pairingId, String token, long qrIntervalMs) {}

    public record Linked(String deviceId, String phone, String wid) {}

    public record DeviceSession(
            String token, String deviceId, String phone, String wid, String pushName, String platform) {}

    public record SendResult(String id, String serializedKey, long t, int ack) {}

    public record Delivered(String messageId, String id, int devices, boolean queued) {}

    public record PendingPairing(
            String pairingId, String qr, boolean idle, String pairingCode, String pairingPhone, String deviceName) {}

    public record DeviceView(
            String deviceId, String name, Instant linkedAt, boolean connected, boolean conflict, int pendingMessages) {}

    public record PhoneView(
            String phone, String pushName, boolean online, List<DeviceView> devices, long sendDelayMs) {}

    public record NumberView(String phone, String name, boolean linked) {}
}
