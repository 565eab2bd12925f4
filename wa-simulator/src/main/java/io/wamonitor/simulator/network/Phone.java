package io.wamonitor.simulator.network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A WhatsApp account on a phone: its number, push name, linked devices and what it sent. */
final class Phone {

    final String number;
    String pushName;
    final List<Device> devices = new ArrayList<>();
    final List<OutboxEntry> outbox = new ArrayList<>();
    /** How long the servers wait before they accept a message this phone's linked devices send. */
    Duration sendDelay = Duration.ZERO;

    Phone(String number, String pushName) {
        this.number = number;
        this.pushName = pushName;
    }

    List<Device> linkedDevices() {
        return devices.stream().filter(d -> !d.unlinked).toList();
    }
}
