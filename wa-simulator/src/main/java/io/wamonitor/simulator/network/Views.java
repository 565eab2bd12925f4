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

    /**
     * @param lid   the phone's WhatsApp LID ({@code <digits>@lid})
     * @param stall the stall set from the control API, or null
     */
    public record PhoneView(
            String phone,
            String lid,
            String pushName,
            boolean online,
            List<DeviceView> devices,
            long sendDelayMs,
            StallView stall) {}

    /** @param mode {@code silent} or {@code freeze} */
    /** @param frozenPages the phone's pages blocked by a freeze right now (their long polls reach the server) */
    public record StallView(String mode, boolean persistent, int frozenPages) {}

    /** The answer to a stall call: the mode and persistence now in force, both null once it ended. */
    public record Stall(String phone, String mode, Boolean persistent) {}

    /**
     * @param lid         the user's LID
     * @param phoneHidden the user does not share the number behind the LID: WhatsApp Web only knows the LID
     */
    public record NumberView(String phone, String lid, String name, boolean linked, boolean phoneHidden) {}

    /** What WhatsApp Web's LID-PN table holds about a user: the phone number is null when not shared. */
    public record LidEntry(String lid, String phoneNumber, String name) {}
}
