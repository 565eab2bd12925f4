package io.wamonitor.worker.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The worker's bounded set of account slots (a Selenium Grid node's slots, one account session each).
 * Admission is explicit: when every slot is taken the answer says so. Thread-safe.
 */
public final class SlotTable {

    private final UUID[] slots;

    public SlotTable(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.slots = new UUID[capacity];
    }

    public synchronized Admission admit(UUID account) {
        Optional<Integer> held = indexOf(account);
        if (held.isPresent()) {
            return new Admission.AlreadyHeld(held.get() + 1);
        }
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) {
                slots[i] = account;
                return new Admission.Admitted(i + 1);
            }
        }
        return new Admission.Full(slots.length);
    }

    /** Frees the account's slot; false if it held none. */
    public synchronized boolean release(UUID account) {
        Optional<Integer> held = indexOf(account);
        held.ifPresent(i -> slots[i] = null);
        return held.isPresent();
    }

    public synchronized boolean holds(UUID account) {
        return indexOf(account).isPresent();
    }

    public int capacity() {
        return slots.length;
    }

    public synchronized int used() {
        int used = 0;
        for (UUID slot : slots) {
            if (slot != null) {
                used++;
            }
        }
        return used;
    }

    public synchronized List<UUID> accounts() {
        List<UUID> accounts = new ArrayList<>();
        for (UUID slot : slots) {
            if (slot != null) {
                accounts.add(slot);
            }
        }
        return accounts;
    }

    private Optional<Integer> indexOf(UUID account) {
        for (int i = 0; i < slots.length; i++) {
            if (account.equals(slots[i])) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
