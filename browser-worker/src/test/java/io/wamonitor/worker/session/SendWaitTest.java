package io.wamonitor.worker.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How long a send waits for WhatsApp: so that the gateway, waiting until the deadline, gets a definite answer. */
class SendWaitTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void untilShortlyBeforeTheDeadline() {
        assertThat(SessionService.sendWait(NOW, NOW.plusSeconds(15))).isEqualTo(Duration.ofSeconds(13));
        assertThat(SessionService.sendWait(NOW, NOW.plusSeconds(40))).isEqualTo(Duration.ofSeconds(38));
    }

    @Test
    void aSlowServerAlwaysGetsTenSecondsAndNothingWaitsPastAMinute() {
        assertThat(SessionService.sendWait(NOW, NOW.plusSeconds(3))).isEqualTo(Duration.ofSeconds(10));
        assertThat(SessionService.sendWait(NOW, NOW.minusSeconds(5))).isEqualTo(Duration.ofSeconds(10));
        assertThat(SessionService.sendWait(NOW, NOW.plusSeconds(600))).isEqualTo(Duration.ofSeconds(60));
        assertThat(SessionService.sendWait(NOW, null)).isEqualTo(Duration.ofSeconds(60));
    }
}
