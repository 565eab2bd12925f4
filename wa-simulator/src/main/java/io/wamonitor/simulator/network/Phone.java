package io.wamonitor.simulator.network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A WhatsApp account on a phone: its number, push name, About text, linked devices and what it sent. */
final class Phone {

    static final String DEFAULT_ABOUT = "Hey there! I am using WhatsApp.";

    final String number;
    String pushName;
    /** The About text: WhatsApp's default (the simulator offers no call to change it). */
    final String about = DEFAULT_ABOUT;

    final List<Device> devices = new ArrayList<>();
    final List<OutboxEntry> outbox = new ArrayList<>();
    /** How long the servers wait before they accept a message this phone's linked devices send. */
    Duration sendDelay = Duration.ZERO;
    /** The stall set from the control API, or null. */
    Stall stall;

    /** @param persistent also each new connection of the phone's devices, not only those open when it started */
    record Stall(StallMode mode, boolean persistent) {}

    Phone(String number, String pushName) {
        this.number = number;
        this.pushName = pushName;
    }

    List<Device> linkedDevices() {
        return devices.stream().filter(d -> !d.unlinked).toList();
    }
}
