package io.wamonitor.simulator.network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stalled connections, for tests of a client's session health. A stall marks the session token of a device's
 * connection: a silent one gets no pushes and no answers (the page layer holds its requests), a frozen one was told
 * to block its page and learns from its long polls here when the freeze ends. A non-persistent stall marks the
 * connections current when it starts; a persistent one also each new connection as its stream opens (see
 * {@link DeviceSessions#attach}), until the stall ends.
 */
final class Stalls {

    private static final Logger log = LoggerFactory.getLogger(Stalls.class);

    private final NetworkState state;
    /** Frozen pages' long polls, answered when their freeze ends or after their hold. */
    private final List<FreezePoll> freezePolls = new ArrayList<>();

    private record FreezePoll(String token, CompletableFuture<Boolean> frozen) {}

    Stalls(NetworkState state) {
        this.state = state;
    }

    /** Starts a stall on every linked device of the phone; one already on is ended first (a stall replaces it). */
    Views.Stall stall(String phoneNumber, StallMode mode, boolean persistent) {
        Phone phone = state.linkedPhone(phoneNumber);
        end(phone);
        phone.stall = new Phone.Stall(mode, persistent);
        for (Device device : phone.linkedDevices()) {
            String token = device.currentToken();
            if (token == null) {
                continue;
            }
            device.stalled.put(token, mode);
            if (mode == StallMode.FREEZE && device.connected() && token.equals(device.connectionToken)) {
                device.connection.send(new Push("freeze", Map.of()));
            }
        }
        log.info("Phone {} stalled: {}{}", phone.number, mode.wireName(), persistent ? " (persistent)" : "");
        return new Views.Stall(phone.number, mode.wireName(), persistent);
    }

    /**
     * Ends the phone's stall: a silenced stream that is still open gets what queued meanwhile, frozen pages are
     * told at once. Requests held on a silenced connection are not answered now; they time out (the page layer).
     */
    Views.Stall unstall(String phoneNumber) {
        Phone phone = state.phone(phoneNumber);
        end(phone);
        return new Views.Stall(phone.number, null, null);
    }

    private void end(Phone phone) {
        if (phone.stall != null) {
            log.info("Phone {} no longer stalled", phone.number);
        }
        phone.stall = null;
        for (Device device : phone.devices) {
            boolean silenced = device.silenced();
            device.stalled.clear();
            if (silenced && state.reachable(device)) {
                device.pending().forEach(m -> device.connection.send(new Push("message", m)));
            }
        }
        for (FreezePoll poll : freezePolls) {
            if (!frozen(poll.token())) {
                poll.frozen().complete(false);
            }
        }
        freezePolls.removeIf(p -> p.frozen().isDone());
    }

    /** Whether requests with this session token must go unanswered (a silent stall). */
    boolean silenced(String token) {
        return markOf(token) == StallMode.SILENT;
    }

    /**
     * A frozen page's long poll: answers false at once unless the token's connection is frozen, else when the
     * freeze ends, or true after {@code hold} (then the page asks again).
     */
    CompletableFuture<Boolean> freezePoll(String token, Duration hold) {
        freezePolls.removeIf(p -> p.frozen().isDone());
        if (!frozen(token)) {
            return CompletableFuture.completedFuture(false);
        }
        state.devices.get("token:" + token).lastFreezePollAt = state.clock.instant();
        CompletableFuture<Boolean> frozen =
                new CompletableFuture<Boolean>().completeOnTimeout(true, hold.toMillis(), TimeUnit.MILLISECONDS);
        freezePolls.add(new FreezePoll(token, frozen));
        return frozen;
    }

    /** The simulator stops: no freeze outlives it, so every waiting poll hears that it ended. */
    void releaseFreezePolls() {
        freezePolls.forEach(p -> p.frozen().complete(false));
        freezePolls.clear();
    }

    private boolean frozen(String token) {
        return markOf(token) == StallMode.FREEZE;
    }

    private StallMode markOf(String token) {
        Device device = token == null ? null : state.devices.get("token:" + token);
        return device == null || device.unlinked ? null : device.stalled.get(token);
    }
}
