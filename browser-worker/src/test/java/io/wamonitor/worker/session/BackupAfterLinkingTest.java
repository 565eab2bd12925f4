package io.wamonitor.worker.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wamonitor.worker.session.ProfileBackups.Result;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The backup right after linking, which lets another worker continue the account without a QR code: a failed one
 * is tried again with growing waits, a few times at most, and not once it was taken or no longer wanted.
 */
class BackupAfterLinkingTest {

    private static final UUID ACCOUNT = UUID.randomUUID();
    private static final Duration FIRST_WAIT = Duration.ofMillis(40);

    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor();
    private final List<Long> triedAt = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        runner.shutdownNow();
    }

    @Test
    void aFailedBackupIsTriedAgainWithLongerWaitsUntilItIsTaken() {
        BackupAfterLinking backups = backups(Result.FAILED, Result.FAILED, Result.TAKEN);

        backups.start(ACCOUNT, () -> true);

        await().atMost(Duration.ofSeconds(5)).until(() -> triedAt.size() == 3);
        await().during(FIRST_WAIT.multipliedBy(8)).atMost(Duration.ofSeconds(5)).until(() -> triedAt.size() == 3);
        long firstWait = triedAt.get(1) - triedAt.get(0);
        long secondWait = triedAt.get(2) - triedAt.get(1);
        assertThat(firstWait).isGreaterThanOrEqualTo(FIRST_WAIT.toMillis());
        assertThat(secondWait).isGreaterThanOrEqualTo(2 * FIRST_WAIT.toMillis());
    }

    @Test
    void aBackupThatKeepsFailingIsGivenUpAfterTheLastTry() {
        BackupAfterLinking backups = backups(Result.FAILED);

        backups.start(ACCOUNT, () -> true);

        await().atMost(Duration.ofSeconds(5)).until(() -> triedAt.size() == BackupAfterLinking.ATTEMPTS);
        await().during(FIRST_WAIT.multipliedBy(16))
                .atMost(Duration.ofSeconds(5))
                .until(() -> triedAt.size() == BackupAfterLinking.ATTEMPTS);
    }

    @Test
    void aBackupTakenUnchangedOrImpossibleIsNotTriedAgain() {
        for (Result once : List.of(Result.TAKEN, Result.UNCHANGED, Result.NOT_MADE)) {
            triedAt.clear();
            backups(once, Result.FAILED).start(ACCOUNT, () -> true);
            await().during(FIRST_WAIT.multipliedBy(4))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> triedAt.size() == 1);
        }
    }

    @Test
    void aSessionStoppedOrUnlinkedSinceIsNotBackedUpAgain() {
        AtomicInteger asked = new AtomicInteger();
        BackupAfterLinking backups = backups(Result.FAILED);

        // Unlinked by the time the second try is due.
        backups.start(ACCOUNT, () -> asked.incrementAndGet() < 0);

        await().atMost(Duration.ofSeconds(5)).until(() -> asked.get() == 1);
        await().during(FIRST_WAIT.multipliedBy(8)).atMost(Duration.ofSeconds(5)).until(() -> triedAt.size() == 1);
        assertThat(asked).hasValue(1);
    }

    /** Backups that answer {@code results} in turn, the last one from then on. */
    private BackupAfterLinking backups(Result... results) {
        Deque<Result> answers = new ArrayDeque<>(List.of(results));
        return new BackupAfterLinking(
                runner,
                account -> {
                    assertThat(account).isEqualTo(ACCOUNT);
                    triedAt.add(System.nanoTime() / 1_000_000);
                    return answers.size() > 1 ? answers.poll() : answers.peek();
                },
                FIRST_WAIT);
    }
}
