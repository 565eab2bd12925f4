package io.wamonitor.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentIdsTest {

    @Test
    void recognisesARedeliveryAndForgetsTheOldestBeyondCapacity() {
        RecentIds ids = new RecentIds(2);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();

        assertThat(ids.firstTime(a)).isTrue();
        assertThat(ids.firstTime(a)).isFalse();
        assertThat(ids.firstTime(b)).isTrue();
        assertThat(ids.firstTime(c)).isTrue();
        assertThat(ids.firstTime(a)).as("evicted, so seen as new").isTrue();
    }

    @Test
    void aForgottenIdIsProcessedAgain() {
        RecentIds ids = new RecentIds(10);
        UUID a = UUID.randomUUID();
        ids.firstTime(a);
        ids.forget(a);
        assertThat(ids.firstTime(a)).isTrue();
    }
}
