package io.wamonitor.simulator.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A linked device proving its key: each attempt to connect makes its own handshake, as with WhatsApp's servers, so
 * a page that reloads while its previous attempt is still in flight is never logged out by the overlap.
 */
class DeviceSessionsTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private NetworkState state;
    private DeviceSessions sessions;
    private KeyPair pair;
    private Device device;

    @BeforeEach
    void linkedDevice() throws Exception {
        LinkedDevice linked = LinkedDevice.create(scheduler);
        state = linked.state();
        pair = linked.pair();
        device = linked.device();
        sessions = new DeviceSessions(state);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void twoOverlappingHandshakesOfOneDeviceBothSucceedAndBothSessionsAreValid() throws Exception {
        String first = sessions.challenge(device.id);
        String second = sessions.challenge(device.id);
        assertThat(first).isNotEqualTo(second);

        // The later attempt finishes first, then the earlier one: neither spoils the other.
        String secondToken =
                sessions.resume(device.id, TestKeys.sign(pair, second)).token();
        String firstToken =
                sessions.resume(device.id, TestKeys.sign(pair, first)).token();

        assertThat(state.deviceByToken(firstToken)).isSameAs(device);
        assertThat(state.deviceByToken(secondToken)).isSameAs(device);
    }

    @Test
    void aChallengeAnswersOnceAndAnotherKeyNever() throws Exception {
        String challenge = sessions.challenge(device.id);
        String signature = TestKeys.sign(pair, challenge);
        sessions.resume(device.id, signature);

        assertThatThrownBy(() -> sessions.resume(device.id, signature))
                .as("a replayed answer")
                .isInstanceOfSatisfying(
                        SimException.class, e -> assertThat(e.code()).isEqualTo("BAD_SIGNATURE"));
        String next = sessions.challenge(device.id);
        String stranger = TestKeys.sign(TestKeys.keyPair(), next);
        assertThatThrownBy(() -> sessions.resume(device.id, stranger))
                .as("a key that is not the device's")
                .isInstanceOfSatisfying(
                        SimException.class, e -> assertThat(e.code()).isEqualTo("BAD_SIGNATURE"));
    }

    @Test
    void unlinkingEndsEverySessionOfTheDevice() throws Exception {
        String one = sessions.resume(device.id, TestKeys.sign(pair, sessions.challenge(device.id)))
                .token();
        String two = sessions.resume(device.id, TestKeys.sign(pair, sessions.challenge(device.id)))
                .token();

        sessions.logout(two);

        for (String token : new String[] {one, two}) {
            assertThatThrownBy(() -> state.deviceByToken(token))
                    .isInstanceOfSatisfying(
                            SimException.class, e -> assertThat(e.code()).isEqualTo("DEVICE_UNLINKED"));
        }
        assertThatThrownBy(() -> sessions.challenge(device.id))
                .isInstanceOfSatisfying(
                        SimException.class, e -> assertThat(e.code()).isEqualTo("DEVICE_UNLINKED"));
    }
}
