package io.wamonitor.simulator.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** What the servers do for a stalled connection: what they push on it, what they answer, and when it ends. */
class StallsTest {

    private static final Duration HOLD = Duration.ofMinutes(1);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private NetworkState state;
    private DeviceSessions sessions;
    private Routing routing;
    private Stalls stalls;
    private KeyPair pair;
    private Device device;

    @BeforeEach
    void linkedDevice() throws Exception {
        LinkedDevice linked = LinkedDevice.create(scheduler);
        state = linked.state();
        pair = linked.pair();
        device = linked.device();
        sessions = new DeviceSessions(state);
        routing = new Routing(state);
        stalls = new Stalls(state);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aSilencedConnectionGetsNothingPushedUntilUnstallThenWhatQueued() throws Exception {
        String token = handshake();
        RecordingEmitter stream = connect(token);

        stalls.stall("15550001111", StallMode.SILENT, false);
        routing.inbound("15550001111", inbound("while silent"));

        assertThat(stalls.silenced(token)).isTrue();
        assertThat(stream.events).containsExactly("hello", "offline_delivery_end");
        assertThat(device.pending()).hasSize(1);

        stalls.unstall("15550001111");

        assertThat(stalls.silenced(token)).isFalse();
        assertThat(stream.events).containsExactly("hello", "offline_delivery_end", "message");
    }

    @Test
    void aNewConnectionIsNotSilencedUnlessTheStallIsPersistent() throws Exception {
        String first = handshake();
        connect(first);
        stalls.stall("15550001111", StallMode.SILENT, false);
        routing.inbound("15550001111", inbound("while silent"));

        String second = handshake();
        RecordingEmitter reloaded = connect(second);

        assertThat(stalls.silenced(first)).isTrue();
        assertThat(stalls.silenced(second)).isFalse();
        assertThat(reloaded.events).containsExactly("hello", "message", "offline_delivery_end");

        stalls.stall("15550001111", StallMode.SILENT, true);
        routing.inbound("15550001111", inbound("again"));
        String third = handshake();
        RecordingEmitter relaunched = connect(third);

        assertThat(stalls.silenced(third)).as("silenced once its stream opened").isTrue();
        assertThat(relaunched.events).as("greeted, then nothing").containsExactly("hello", "offline_delivery_end");
    }

    @Test
    void aFrozenPageIsToldToFreezeAndItsPollIsAnsweredWhenTheStallEnds() throws Exception {
        String token = handshake();
        RecordingEmitter stream = connect(token);

        stalls.stall("15550001111", StallMode.FREEZE, false);
        CompletableFuture<Boolean> poll = stalls.freezePoll(token, HOLD);

        assertThat(stream.events).endsWith("freeze");
        assertThat(poll).isNotDone();
        assertThat(stalls.silenced(token)).isFalse();

        stalls.unstall("15550001111");

        assertThat(poll).isCompletedWithValue(false);
        assertThat(stalls.freezePoll(token, HOLD)).isCompletedWithValue(false);
    }

    @Test
    void aPersistentFreezeFreezesEachNewConnectionBeforeItsGreeting() throws Exception {
        stalls.stall("15550001111", StallMode.FREEZE, true);

        RecordingEmitter stream = connect(handshake());

        assertThat(stream.events).containsExactly("freeze", "hello", "offline_delivery_end");
    }

    @Test
    void theSimulatorStoppingEndsEveryFreeze() throws Exception {
        String token = handshake();
        connect(token);
        stalls.stall("15550001111", StallMode.FREEZE, false);
        CompletableFuture<Boolean> poll = stalls.freezePoll(token, HOLD);

        stalls.releaseFreezePolls();

        assertThat(poll).isCompletedWithValue(false);
    }

    @Test
    void onlyALinkedPhoneCanBeStalled() {
        assertThatThrownBy(() -> stalls.stall("15550009999", StallMode.SILENT, false))
                .isInstanceOfSatisfying(
                        SimException.class, e -> assertThat(e.code()).isEqualTo("PHONE_NOT_FOUND"));
        device.unlinked = true;
        assertThatThrownBy(() -> stalls.stall("15550001111", StallMode.SILENT, false))
                .isInstanceOfSatisfying(
                        SimException.class, e -> assertThat(e.code()).isEqualTo("NOT_LINKED"));
        assertThatThrownBy(() -> StallMode.parse("nap"))
                .isInstanceOfSatisfying(
                        SimException.class, e -> assertThat(e.code()).isEqualTo("INVALID_STALL_MODE"));
    }

    // ---- steps -------------------------------------------------------------------------------------------

    private String handshake() throws Exception {
        return sessions.resume(device.id, TestKeys.sign(pair, sessions.challenge(device.id)))
                .token();
    }

    private RecordingEmitter connect(String token) {
        RecordingEmitter emitter = new RecordingEmitter();
        sessions.attach(token, new Connection(emitter));
        return emitter;
    }

    private static Inbound inbound(String text) {
        return new Inbound("15557770001", text, null, null, null, null, null, false, false);
    }

    /** A live stream that records the name of each event the servers push on it. */
    private static final class RecordingEmitter extends SseEmitter {

        private static final Pattern EVENT = Pattern.compile("event:(\\w+)");
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void send(SseEventBuilder builder) {
            for (var part : builder.build()) {
                Matcher m = EVENT.matcher(String.valueOf(part.getData()));
                if (m.find()) {
                    events.add(m.group(1));
                }
            }
        }
    }
}
