package io.wamonitor.simulator.network;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

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
    boolean unlinked;
    boolean conflict;
    String challenge;
    String sessionToken;
    Connection connection;
    private final Deque<WireMessage> pending = new ArrayDeque<>();

    Device(String id, String phone, DeviceKey key, String name, Instant linkedAt) {
        this.id = id;
        this.phone = phone;
        this.key = key;
        this.name = name;
        this.linkedAt = linkedAt;
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
}
