package io.wamonitor.contracts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Remembers the last {@code capacity} envelope ids a consumer processed, so a redelivered message
 * (at-least-once delivery) is recognised and skipped. Thread-safe.
 */
public final class RecentIds {

    private final Map<UUID, Boolean> seen;

    public RecentIds(int capacity) {
        this.seen = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an id is offered, false for every repeat still remembered. */
    public synchronized boolean firstTime(UUID id) {
        return seen.putIfAbsent(id, Boolean.TRUE) == null;
    }

    /** Whether the id is remembered (its message was processed). */
    public synchronized boolean contains(UUID id) {
        return seen.containsKey(id);
    }

    /** Remembers an id whose message has been processed to the end. */
    public synchronized void add(UUID id) {
        seen.put(id, Boolean.TRUE);
    }

    /** Forgets an id whose processing failed, so that its redelivery is processed again. */
    public synchronized void forget(UUID id) {
        seen.remove(id);
    }
}
