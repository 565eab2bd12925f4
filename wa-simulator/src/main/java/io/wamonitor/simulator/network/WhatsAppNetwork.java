package io.wamonitor.simulator.network;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * WhatsApp's servers as the simulator models them, for the page's link ({@code /wa}) and the control API
 * ({@code /sim}): the directory of numbers, linking new devices, linked devices' sessions and the routing of
 * messages, each in its own class, all working on one {@link NetworkState} under its lock.
 */
@Component
public class WhatsAppNetwork implements SmartLifecycle {

    private final NetworkState state;
    private final Directory directory;
    private final Pairing pairing;
    private final DeviceSessions sessions;
    private final Routing routing;
    private final Stalls stalls;
    private final NetworkSnapshots snapshots;
    private volatile boolean running;

    public WhatsAppNetwork(SimSettings settings, MediaStore media, Clock clock, ScheduledExecutorService scheduler) {
        this.state = new NetworkState(settings, media, clock, scheduler);
        this.directory = new Directory(state);
        this.pairing = new Pairing(state);
        this.sessions = new DeviceSessions(state);
        this.routing = new Routing(state);
        this.stalls = new Stalls(state);
        this.snapshots = new NetworkSnapshots(settings.dataPath());
        locked(() -> snapshots.restore(state));
        state.every(() -> snapshots.save(state), 1_000);
    }

    private <T> T locked(Supplier<T> work) {
        synchronized (state) {
            return work.get();
        }
    }

    private void locked(Runnable work) {
        synchronized (state) {
            work.run();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every live connection and frozen page's poll first (this runs before the web server's graceful
     * shutdown), so the server does not wait for pages that never leave; the pages reconnect to the next simulator.
     */
    @Override
    public void stop() {
        running = false;
        locked(() -> {
            state.pairings.values().stream().filter(s -> s.connection != null).forEach(s -> s.connection.close());
            state.devices.values().stream().filter(d -> d.connection != null).forEach(d -> d.connection.close());
            stalls.releaseFreezePolls();
            snapshots.save(state);
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // ---- directory ----

    public void registerNumber(String phone, String name) {
        registerNumber(phone, name, false);
    }

    public void registerNumber(String phone, String name, boolean hidePhoneNumber) {
        locked(() -> directory.registerNumber(phone, name, hidePhoneNumber));
    }

    /** What WhatsApp Web's LID-PN table holds for {@code wid}, if it names a user. */
    public Optional<Views.LidEntry> lidEntry(String wid) {
        return locked(() -> directory.lidEntry(wid));
    }

    public void unregisterNumber(String phone) {
        locked(() -> directory.unregisterNumber(phone));
    }

    public boolean exists(String phoneOrWid) {
        return locked(() -> state.exists(phoneOrWid));
    }

    public List<Views.NumberView> numbers() {
        return locked(directory::numbers);
    }

    // ---- pairing: the linking screen ----

    public Views.PairingStarted startPairing(
            String staticKey, String identityKey, String advSecret, Map<String, ?> deviceJwk, String deviceName) {
        return locked(() -> pairing.startPairing(staticKey, identityKey, advSecret, deviceJwk, deviceName));
    }

    public void refreshQr(String token) {
        locked(() -> pairing.refreshQr(token));
    }

    public String requestPairingCode(String token, String phone) {
        return locked(() -> pairing.requestPairingCode(token, phone));
    }

    public void cancelPairingCode(String token) {
        locked(() -> pairing.cancelPairingCode(token));
    }

    /** The phone scans the QR on screen. */
    public Views.Linked linkByQr(String qr, String phone, String pushName) {
        return locked(() -> pairing.linkByQr(qr, phone, pushName));
    }

    /** The user types the pairing code on the phone. */
    public Views.Linked confirmPairingCode(String phone, String code, String pushName) {
        return locked(() -> pairing.confirmPairingCode(phone, code, pushName));
    }

    /** Linking screens that are open right now (a closed page's session is gone with its connection). */
    public List<Views.PendingPairing> pendingPairings() {
        return locked(pairing::pendingPairings);
    }

    // ---- a linked page's session ----

    public String challenge(String deviceId) {
        return locked(() -> sessions.challenge(deviceId));
    }

    public Views.DeviceSession resume(String deviceId, String signature) {
        return locked(() -> sessions.resume(deviceId, signature));
    }

    /** The page opened its live connection; a pairing gets its QR, a device its queued messages. */
    public void attach(String token, Connection connection) {
        locked(() -> sessions.attach(token, connection));
    }

    public void confirm(String token, List<String> serializedKeys) {
        locked(() -> sessions.confirm(token, serializedKeys));
    }

    public void logout(String token) {
        locked(() -> sessions.logout(token));
    }

    public void takeover(String token) {
        locked(() -> sessions.takeover(token));
    }

    /** The About text of the account this session is linked to. */
    public String about(String token) {
        return locked(() -> state.phones.get(state.deviceByToken(token).phone).about);
    }

    // ---- messages ----

    public Views.SendResult send(String token, Outgoing outgoing) {
        return locked(() -> routing.send(token, outgoing));
    }

    /** How long WhatsApp's servers take to accept a message from a linked device of this token's phone. */
    public Duration sendDelay(String token) {
        return locked(() -> routing.sendDelay(token));
    }

    /** Makes WhatsApp's servers slow to accept the phone's sends (a congested or degraded server). */
    public void setSendDelay(String phoneNumber, Duration delay) {
        locked(() -> routing.setSendDelay(phoneNumber, delay));
    }

    public Views.Delivered inbound(String phoneNumber, Inbound inbound) {
        return locked(() -> routing.inbound(phoneNumber, inbound));
    }

    /** A contact reacts to a message in a chat with the account (an empty emoji takes the reaction back). */
    public Views.Delivered react(String phoneNumber, String from, String messageId, String emoji) {
        return locked(() -> routing.change(phoneNumber, Routing.Change.REACTION, from, messageId, emoji));
    }

    /** A contact changes the text of a message they sent the account. */
    public Views.Delivered edit(String phoneNumber, String from, String messageId, String text) {
        return locked(() -> routing.change(phoneNumber, Routing.Change.EDIT, from, messageId, text));
    }

    /** A contact deletes for everyone a message they sent the account. */
    public Views.Delivered revoke(String phoneNumber, String from, String messageId) {
        return locked(() -> routing.change(phoneNumber, Routing.Change.REVOKE, from, messageId, null));
    }

    /** The phone itself sends a message: linked devices see it as their own ({@code fromMe}). */
    public Views.Delivered phoneSends(String phoneNumber, String to, String text) {
        return locked(() -> routing.phoneSends(phoneNumber, to, text));
    }

    public List<OutboxEntry> outbox(String phoneNumber) {
        return locked(() -> routing.outbox(phoneNumber));
    }

    // ---- the phone ----

    public int unlink(String phoneNumber) {
        return locked(() -> sessions.unlink(phoneNumber));
    }

    public void setOnline(String phoneNumber, boolean online) {
        locked(() -> sessions.setOnline(phoneNumber, online));
    }

    public void conflict(String phoneNumber) {
        locked(() -> sessions.conflict(phoneNumber));
    }

    /** Stalls the connections of the phone's linked devices ({@link StallMode}); replaces a stall already on. */
    public Views.Stall stall(String phoneNumber, StallMode mode, boolean persistent) {
        return locked(() -> stalls.stall(phoneNumber, mode, persistent));
    }

    public Views.Stall unstall(String phoneNumber) {
        return locked(() -> stalls.unstall(phoneNumber));
    }

    /** Requests with this session token go unanswered: its connection is silenced by a stall. */
    public boolean silenced(String token) {
        return locked(() -> stalls.silenced(token));
    }

    /** A frozen page's long poll: completes with whether its freeze is still on, within {@code hold}. */
    public CompletableFuture<Boolean> freezePoll(String token, Duration hold) {
        return locked(() -> stalls.freezePoll(token, hold));
    }

    public Views.PhoneView phoneView(String phoneNumber) {
        return locked(() -> sessions.phoneView(phoneNumber));
    }

    public List<Views.PhoneView> phones() {
        return locked(sessions::phones);
    }
}
