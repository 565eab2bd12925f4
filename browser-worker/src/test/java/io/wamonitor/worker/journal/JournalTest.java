package io.wamonitor.worker.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wamonitor.contracts.event.SendResult;
import io.wamonitor.worker.WorkerSettings;
import io.wamonitor.worker.browser.BrowserSettings;
import io.wamonitor.worker.session.SendLedger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's journal on its own: what it keeps across a restart, its bound, and the capture cursors. */
class JournalTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final UUID ACCOUNT = UUID.fromString("3f0c2b9e-8a7d-4c6b-9e5f-1a2b3c4d5e6f");

    @TempDir
    Path dir;

    @Test
    void unconfirmedEventsSurviveARestartInTheOrderTheyWereRecorded() throws Exception {
        try (Opened journal = open(1_000_000)) {
            for (int i = 1; i <= 3; i++) {
                assertThat(journal.outbox.record(
                                ACCOUNT,
                                "message.captured.v1",
                                UUID.randomUUID(),
                                "msg-" + i,
                                100 + i,
                                ("event " + i).getBytes(StandardCharsets.UTF_8)))
                        .isTrue();
            }
            journal.outbox.confirmed(journal.outbox.oldest(1, Long.MAX_VALUE, Duration.ZERO));
        }
        try (Opened reopened = open(1_000_000)) {
            List<Outbox.Entry> left = reopened.outbox.oldest(10, Long.MAX_VALUE, Duration.ZERO);
            assertThat(left)
                    .extracting(e -> new String(e.body(), StandardCharsets.UTF_8))
                    .containsExactly("event 2", "event 3");
            assertThat(reopened.cursors.captured(ACCOUNT, "msg-2"))
                    .as("waiting in the outbox")
                    .isTrue();
            assertThat(reopened.cursors.captured(ACCOUNT, "msg-1"))
                    .as("confirmed without moving the cursor")
                    .isFalse();
        }
    }

    @Test
    void aFullJournalRefusesNewEventsUntilTheBrokerConfirmsTheOldOnes() throws Exception {
        try (Opened journal = open(1_000)) {
            byte[] body = new byte[600];
            assertThat(journal.outbox.record(ACCOUNT, "message.captured.v1", UUID.randomUUID(), "a", 1, body))
                    .isTrue();
            assertThat(journal.outbox.record(ACCOUNT, "message.captured.v1", UUID.randomUUID(), "b", 2, body))
                    .isFalse();
            assertThat(journal.cursors.captured(ACCOUNT, "b")).isFalse();
            journal.outbox.confirmed(journal.outbox.oldest(10, Long.MAX_VALUE, Duration.ZERO));
            assertThat(journal.outbox.record(ACCOUNT, "message.captured.v1", UUID.randomUUID(), "b", 2, body))
                    .isTrue();
        }
    }

    @Test
    void theCursorMovesOnlyWithConfirmsAndNeverBelowWhereCaptureStarted() throws Exception {
        try (Opened journal = open(1_000_000)) {
            assertThat(journal.cursors.backfillSince(ACCOUNT))
                    .as("no cursor yet: nothing to backfill")
                    .isEmpty();
            journal.cursors.startCursor(ACCOUNT, 10_000);
            journal.cursors.startCursor(ACCOUNT, 99_999);
            assertThat(journal.cursors.backfillSince(ACCOUNT)).hasValue(10_000);

            journal.outbox.record(ACCOUNT, "message.captured.v1", UUID.randomUUID(), "late", 50_000, new byte[1]);
            assertThat(journal.cursors.backfillSince(ACCOUNT))
                    .as("recorded is not confirmed")
                    .hasValue(10_000);
            List<Outbox.Entry> batch = journal.outbox.oldest(10, Long.MAX_VALUE, Duration.ZERO);
            journal.cursors.confirmed(batch);
            journal.outbox.confirmed(batch);
            assertThat(journal.cursors.backfillSince(ACCOUNT))
                    .as("the cursor minus the 10 min slack")
                    .hasValue(50_000 - 600);
            assertThat(journal.cursors.captured(ACCOUNT, "late")).isTrue();
        }
        try (Opened reopened = open(1_000_000)) {
            assertThat(reopened.cursors.backfillSince(ACCOUNT)).hasValue(50_000 - 600);
            reopened.cursors.forget(ACCOUNT);
            assertThat(reopened.cursors.backfillSince(ACCOUNT)).isEmpty();
        }
    }

    @Test
    void aStartedSendIsRememberedAcrossARestartAndNeverStartedTwice() throws Exception {
        UUID command = UUID.randomUUID();
        try (Opened journal = open(1_000_000)) {
            assertThat(journal.sends.start(command, ACCOUNT, "15550004444@c.us", "3EB0ABC"))
                    .isTrue();
            assertThat(journal.sends.start(command, ACCOUNT, "15550004444@c.us", "3EB0ABC"))
                    .isFalse();
        }
        try (Opened reopened = open(1_000_000)) {
            assertThat(reopened.sends.unfinished(ACCOUNT))
                    .containsExactly(new SendLedger.StartedSend(command, "15550004444@c.us", "3EB0ABC"));
            SendResult sent = new SendResult(true, null, null, "true_15550004444@c.us_3EB0ABC", 1, 1_800L, command);
            reopened.sends.finish(command, sent);
            assertThat(reopened.sends.unfinished(ACCOUNT)).isEmpty();
            assertThat(reopened.sends.finished(command)).hasValue(sent);
            assertThat(reopened.sends.start(command, ACCOUNT, "15550004444@c.us", "3EB0ABC"))
                    .isFalse();
        }
    }

    private Opened open(long maxBytes) {
        JournalSettings settings = new JournalSettings(dir, maxBytes, Duration.ofMinutes(10));
        BrowserSettings browser = new BrowserSettings(
                dir.resolve("sessions"), Path.of("/usr/bin/chromium"), true, Duration.ofSeconds(120), "");
        WorkerSettings worker = new WorkerSettings("worker-test", 5, Duration.ofSeconds(10), 2, null, null, null);
        JournalStore store = new JournalStore(settings, browser, worker);
        Outbox outbox = new Outbox(store, settings, CLOCK, new SimpleMeterRegistry());
        return new Opened(
                store, outbox, new CaptureCursors(store, outbox, settings), new StoredSendLedger(store, CLOCK));
    }

    private record Opened(JournalStore store, Outbox outbox, CaptureCursors cursors, StoredSendLedger sends)
            implements AutoCloseable {
        @Override
        public void close() {
            store.close();
        }
    }
}
