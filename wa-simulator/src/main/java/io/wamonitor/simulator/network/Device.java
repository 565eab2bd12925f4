package io.wamonitor.simulator.network;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A linked device (a WhatsApp Web page's browser profile) of one phone. Messages for it queue in order until
 * the page confirms them, so a page that was closed or offline gets everything when it reconnects.
 */
final class Device {

    final String id;
    final String phone;
    final DeviceKey key;
    final String name;
    final Instant linkedAt;
    /** When a page of this device last asked, frozen, whether its freeze is over (null: never). */
    Instant lastFreezePollAt;

    boolean unlinked;
    boolean conflict;
    /**
     * The challenges handed out and not yet answered, newest last. Each connection makes its own handshake, as with
     * WhatsApp's servers, so two attempts of one device (a page reloading while its previous attempt is still in
     * flight) never spoil each other's.
     */
    final Deque<String> challenges = new ArrayDeque<>();
    /** The session tokens of the device's handshakes, newest last; each stays valid until the device is unlinked. */
    final Deque<String> sessionTokens = new ArrayDeque<>();

    /** The page's live connection, and the session token it was opened with. */
    Connection connection;

    String connectionToken;

    /** Session tokens of this device's connections that a stall (see {@link Stalls}) silenced or froze. */
    final Map<String, StallMode> stalled = new HashMap<>();

    private final Deque<WireMessage> pending = new ArrayDeque<>();

    Device(String id, String phone, DeviceKey key, String name, Instant linkedAt) {
        this.id = id;
        this.phone = phone;
        this.key = key;
        this.name = name;
        this.linkedAt = linkedAt;
    }

    /** A new challenge; the oldest unanswered ones are forgotten beyond {@code keep}. */
    void challenge(String challenge, int keep) {
        challenges.addLast(challenge);
        while (challenges.size() > keep) {
            challenges.removeFirst();
        }
    }

    /**
     * A handshake completed with the session {@code token}; returns the tokens of the oldest sessions forgotten
     * beyond {@code keep}, which no longer open a connection.
     */
    List<String> sessionOpened(String token, int keep) {
        sessionTokens.addLast(token);
        List<String> forgotten = new ArrayList<>();
        while (sessionTokens.size() > keep) {
            forgotten.add(sessionTokens.removeFirst());
        }
        return forgotten;
    }

    void enqueue(WireMessage message) {
        pending.addLast(message);
    }

    List<WireMessage> pending() {
        return List.copyOf(pending);
    }

    void confirm(List<String> serializedKeys) {
        pending.removeIf(m -> serializedKeys.contains(m.serializedKey()));
    }

    boolean connected() {
        return connection != null && connection.isOpen();
    }

    /** The connection a stall starting now applies to: the open stream's, else the newest handshake's; or null. */
    String currentToken() {
        return connected() ? connectionToken : sessionTokens.peekLast();
    }

    /** The open stream is on a silenced connection: the servers push nothing on it. */
    boolean silenced() {
        return connected() && stalled.get(connectionToken) == StallMode.SILENT;
    }
}
