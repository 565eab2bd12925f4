package io.wamonitor.worker.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.event.AccountIncident;
import io.wamonitor.contracts.event.MessageAckChanged;
import io.wamonitor.contracts.event.MessageCaptured;
import io.wamonitor.contracts.event.MessageEdited;
import io.wamonitor.contracts.event.MessageReacted;
import io.wamonitor.contracts.event.MessageRevoked;
import io.wamonitor.contracts.event.ProfileBackedUp;
import io.wamonitor.contracts.event.SendResult;
import io.wamonitor.testkit.MutableClock;
import io.wamonitor.worker.whatsapp.PageScripts;
import io.wamonitor.worker.whatsapp.StatusTracker;
import io.wamonitor.worker.whatsapp.WhatsAppWebSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One account's session on a fake browser and a clock the test moves: how it recovers when the browser cannot
 * start, goes away, crashes its renderer or stops answering, and what it reports meanwhile.
 */
class AccountSessionTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    @TempDir
    Path profile;

    private final FakeBrowser browser = new FakeBrowser();
    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SessionMetrics metrics = new SessionMetrics(meters);
    private static final int MAX_START_ATTEMPTS = 4;
    private final List<String> statuses = new CopyOnWriteArrayList<>();
    private final List<String> lifecycle = new CopyOnWriteArrayList<>();
    private AccountSession session;

    @AfterEach
    void stop() throws Exception {
        if (session != null) {
            session.stop().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBrowserThatCannotStartIsRetriedWithGrowingBackoffAndTheAccountShowsFailedMeanwhile() {
        browser.failuresToGo.set(2);
        start();
        await().atMost(SOON).until(() -> browser.opens.get() == 1);
        await().atMost(SOON)
                .until(() -> statuses.stream().anyMatch(s -> s.startsWith("FAILED cannot open WhatsApp Web")));

        clock.advance(Duration.ofMillis(999));
        await().during(Duration.ofMillis(400)).atMost(SOON).until(() -> browser.opens.get() == 1);
        clock.advance(Duration.ofMillis(1));
        await().atMost(SOON).until(() -> browser.opens.get() == 2);
        await().atMost(SOON)
                .until(() -> meters.counter("wamonitor.worker.browser.launch.failures")
                                .count()
                        == 2);

        clock.advance(Duration.ofMillis(1_999));
        await().during(Duration.ofMillis(400)).atMost(SOON).until(() -> browser.opens.get() == 2);
        clock.advance(Duration.ofMillis(1));
        await().atMost(SOON).until(() -> browser.opens.get() == 3);

        await().atMost(SOON).until(() -> session.status() == AccountStatus.READY);
        assertThat(meters.counter("wamonitor.worker.browser.launch.failures").count())
                .isEqualTo(2);
        assertThat(browser.profiles).containsOnly(profile);
    }

    @Test
    void aSessionWhoseBrowserNeverOpensGivesUpAfterItsAttemptsSoItsSlotCanBeFreed() throws Exception {
        browser.failuresToGo.set(100);
        start();
        for (int attempt = 1; attempt < MAX_START_ATTEMPTS; attempt++) {
            int failed = attempt;
            // The failure handled (next attempt scheduled) before the clock moves past its backoff.
            await().atMost(SOON)
                    .until(() -> meters.counter("wamonitor.worker.browser.launch.failures")
                                    .count()
                            == failed);
            clock.advance(Duration.ofMinutes(2));
        }

        await().atMost(SOON).until(() -> lifecycle.stream().anyMatch(l -> l.startsWith("gave up")));
        assertThat(lifecycle)
                .singleElement()
                .asString()
                .contains("could not open WhatsApp Web " + MAX_START_ATTEMPTS + " times")
                .contains("executable doesn't exist");
        assertThat(browser.opens.get()).isEqualTo(MAX_START_ATTEMPTS);
        assertThat(session.ended()).isTrue();
        session = null;
    }

    @Test
    void aBrowserThatWentAwayIsRelaunchedFromTheSameProfile() {
        start();
        await().atMost(SOON).until(() -> session.status() == AccountStatus.READY);
        FakeBrowser.FakePage first = browser.page;

        first.gone = true;

        await().atMost(SOON).until(() -> browser.opens.get() == 2);
        assertThat(first.closed).isTrue();
        await().atMost(SOON).until(() -> session.status() == AccountStatus.READY);
        assertThat(statuses).contains("DISCONNECTED the browser exited; relaunching it");
        assertThat(browser.profiles).containsExactly(profile, profile);
        assertThat(meters.counter("wamonitor.worker.browser.relaunches").count())
                .isEqualTo(1);
    }

    @Test
    void aCrashedRendererGetsANewPageInTheSameBrowser() {
        start();
        await().atMost(SOON).until(() -> session.status() == AccountStatus.READY);

        browser.page.crashed = true;

        await().atMost(SOON).until(() -> browser.page.replaced.get() == 1);
        clock.advance(Duration.ofSeconds(2)); // the next probe finds it linked again
        await().atMost(SOON).until(() -> session.status() == AccountStatus.READY);
        assertThat(browser.opens.get()).as("no new browser").isEqualTo(1);
        assertThat(statuses).contains("DISCONNECTED the page crashed; opening a new one");
        assertThat(meters.counter("wamonitor.worker.page.crashes").count()).isEqualTo(1);
    }

    @Test
    void aPageThatStopsAnsweringIsReopenedAfterTheBackoff() {
        start();
        await().atMost(SOON).until(() -> session.status() == AccountStatus.READY);

        browser.page.hung = true;
        clock.advance(Duration.ofSeconds(2)); // the next probe gets no answer

        await().atMost(SOON)
                .until(() -> statuses.contains(
                        "DISCONNECTED the page failed (Timeout 30000ms exceeded); relaunching the browser"));
        assertThat(meters.counter("wamonitor.worker.session.heals", "reason", "page_error", "step", "relaunch")
                        .count())
                .as("counted as a heal step")
                .isEqualTo(1);
        await().during(Duration.ofMillis(400)).atMost(SOON).until(() -> browser.opens.get() == 1);
        clock.advance(Duration.ofSeconds(1));
        await().atMost(SOON).until(() -> browser.opens.get() == 2);
        await().atMost(SOON).until(() -> session.status() == AccountStatus.READY);
    }

    @Test
    void aPageThatHangsInTheMiddleOfACallIsStoppedByTheWatchdogAndRelaunched() {
        browser.withProcess = true;
        start();
        await().atMost(SOON).until(() -> session.status() == AccountStatus.READY);
        FakeBrowser.FakePage first = browser.page;

        session.killIfHung(Duration.ofMillis(1));
        assertThat(first.process.isAlive())
                .as("not inside a call: nothing to stop")
                .isTrue();

        first.frozenMidCall = true;
        clock.advance(Duration.ofSeconds(2)); // the next probe goes into the page and does not come back
        await().atMost(SOON).until(() -> first.inFrozenCall);
        session.killIfHung(Duration.ofMinutes(1));
        assertThat(first.process.isAlive())
                .as("inside a call, but not for long")
                .isTrue();

        await().atMost(SOON).untilAsserted(() -> {
            session.killIfHung(Duration.ofMillis(100));
            assertThat(first.process.isAlive()).isFalse();
        });
        await().atMost(SOON).until(() -> browser.opens.get() == 2);
        await().atMost(SOON).until(() -> session.status() == AccountStatus.READY);
        assertThat(statuses).anyMatch(s -> s.startsWith("DISCONNECTED stalled (a call into the page did not return"));
        assertThat(meters.counter("wamonitor.worker.session.heals", "reason", "page_unresponsive", "step", "relaunch")
                        .count())
                .isEqualTo(1);
        assertThat(browser.page.process.isAlive())
                .as("the relaunched browser is left alone")
                .isTrue();
    }

    @Test
    void workForAStatusTheSessionIsNotInFailsWithTheGivenCode() {
        browser.failuresToGo.set(1);
        start();
        await().atMost(SOON).until(() -> session.status() == AccountStatus.FAILED);

        CompletableFuture<byte[]> shot = session.submit(
                EnumSet.of(AccountStatus.READY), "ACCOUNT_NOT_READY", page -> page.screenshot("png", null));

        assertThatThrownBy(() -> shot.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(SessionFailure.class)
                .hasMessageContaining("FAILED");
        assertThat(SessionFailure.of(catchCause(shot)).code()).isEqualTo("ACCOUNT_NOT_READY");
    }

    private static Throwable catchCause(CompletableFuture<?> future) {
        try {
            future.get(5, TimeUnit.SECONDS);
            return null;
        } catch (Exception e) {
            return e.getCause();
        }
    }

    private void start() {
        PageScripts scripts = new PageScripts(new WhatsAppWebSettings("http://127.0.0.1:9/", null, null, 10, false, 0));
        AccountSession.SessionContext context = new AccountSession.SessionContext(
                browser,
                scripts,
                "http://127.0.0.1:9/",
                new Semaphore(1),
                metrics,
                10,
                false,
                new RecordedEvents(),
                1_000_000,
                new NoCursor(),
                new NoSends(),
                clock,
                MAX_START_ATTEMPTS,
                HealthSettings.defaults());
        session = new AccountSession(
                UUID.randomUUID(),
                7L,
                null,
                "Test",
                profile,
                context,
                new StatusTracker.Observer() {
                    @Override
                    public void statusChanged(AccountStatus status, String reason, String phone) {
                        statuses.add(status + " " + reason);
                    }

                    @Override
                    public void qrChanged(String qr) {}
                },
                new AccountSession.Lifecycle() {
                    @Override
                    public void linked() {
                        lifecycle.add("linked");
                    }

                    @Override
                    public void gaveUp(String why) {
                        lifecycle.add("gave up: " + why);
                    }
                });
        session.start();
    }

    private static final class RecordedEvents implements SessionEvents {
        @Override
        public boolean statusChanged(
                UUID account, AccountStatus status, String reason, String phone, String webVersion, String waJs) {
            return true;
        }

        @Override
        public boolean qrChanged(UUID account, String qr) {
            return true;
        }

        @Override
        public boolean messageCaptured(UUID account, MessageCaptured message) {
            return true;
        }

        @Override
        public boolean acksChanged(UUID account, MessageAckChanged acks) {
            return true;
        }

        @Override
        public boolean messageReacted(UUID account, MessageReacted reaction) {
            return true;
        }

        @Override
        public boolean messageEdited(UUID account, MessageEdited edit) {
            return true;
        }

        @Override
        public boolean messageRevoked(UUID account, MessageRevoked revoke) {
            return true;
        }

        @Override
        public boolean sendFinished(UUID account, SendResult result) {
            return true;
        }

        @Override
        public boolean profileBackedUp(UUID account, ProfileBackedUp backup) {
            return true;
        }

        @Override
        public boolean incident(UUID account, AccountIncident incident) {
            return true;
        }

        @Override
        public void slotsChanged() {}
    }

    private static final class NoCursor implements CaptureLog {
        @Override
        public OptionalLong backfillSince(UUID account) {
            return OptionalLong.empty();
        }

        @Override
        public void startCursor(UUID account, long epochSeconds) {}

        @Override
        public void restartCursor(UUID account, long epochSeconds) {}

        @Override
        public boolean captured(UUID account, String messageId) {
            return false;
        }

        @Override
        public boolean hasRoom() {
            return true;
        }

        @Override
        public void forget(UUID account) {}
    }

    private static final class NoSends implements SendLedger {
        @Override
        public Optional<SendResult> finished(UUID commandId) {
            return Optional.empty();
        }

        @Override
        public boolean start(UUID commandId, UUID account, String to, String keyId) {
            return true;
        }

        @Override
        public void finish(UUID commandId, SendResult result) {}

        @Override
        public List<StartedSend> unfinished(UUID account) {
            return List.of();
        }
    }
}
