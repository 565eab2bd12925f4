package io.wamonitor.worker.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One account's slow work holds up that account only; an account's work runs in the order it came. */
class LanesTest {

    private final Lanes lanes = new Lanes();

    @AfterEach
    void close() {
        lanes.close();
    }

    @Test
    void aSlowStopOfOneAccountHoldsUpNoOtherAccount() throws Exception {
        UUID slow = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        CountDownLatch browserClosed = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();

        CompletableFuture<String> stop = lanes.run(slow, () -> {
            await(browserClosed);
            done.add("slow stopped");
            return "stopped";
        });
        CompletableFuture<String> start = lanes.run(slow, () -> {
            done.add("slow started again");
            return "started";
        });
        CompletableFuture<String> otherStart = lanes.run(other, () -> {
            done.add("other started");
            return "started";
        });

        assertThat(otherStart.get(5, TimeUnit.SECONDS)).isEqualTo("started");
        assertThat(stop).isNotDone();
        assertThat(start).as("waits for its account's stop").isNotDone();

        browserClosed.countDown();
        assertThat(start.get(5, TimeUnit.SECONDS)).isEqualTo("started");
        assertThat(done).containsExactly("other started", "slow stopped", "slow started again");
    }

    @Test
    void aFailedPieceOfWorkFailsItsResultButNotTheNextOne() throws Exception {
        UUID account = UUID.randomUUID();
        CompletableFuture<String> failed = lanes.run(account, () -> {
            throw new IllegalStateException("browser would not close");
        });
        CompletableFuture<String> next = lanes.run(account, () -> "started");

        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("started");
        assertThat(failed).isCompletedExceptionally();
        assertThat(lanes.awaitIdle(Duration.ofSeconds(5).toSeconds())).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
