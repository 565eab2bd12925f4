package io.wamonitor.worker.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.testkit.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When a session counts as stalled, and which heal step comes next. */
class HealthWatchTest {

    private final MutableClock clock = new MutableClock();
    private final HealthSettings settings = new HealthSettings(Duration.ofMinutes(5), 3, Duration.ofSeconds(20));
    private HealthWatch watch;

    @BeforeEach
    void ready() {
        watch = new HealthWatch(settings, clock);
        watch.status(AccountStatus.READY);
    }

    @Test
    void aQuietAccountWhoseServersAnswerIsNeverStalled() {
        for (int minute = 0; minute < 60; minute++) {
            clock.advance(Duration.ofSeconds(30));
            if (watch.roundTripDue()) {
                long id = watch.roundTripStarted();
                clock.advance(Duration.ofSeconds(1));
                watch.roundTripAnswered(id, true);
            }
            assertThat(watch.silentStall()).isEmpty();
            assertThat(watch.state(AccountStatus.READY)).isNotEqualTo("stalled");
        }
    }

    @Test
    void messagesFromTheServersKeepItAliveWithoutAnyRoundTrip() {
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofSeconds(60));
            watch.event(true);
            assertThat(watch.roundTripDue()).isFalse();
            assertThat(watch.silentStall()).isEmpty();
        }
        assertThat(watch.state(AccountStatus.READY)).isEqualTo("ok");
    }

    @Test
    void silenceWithAnUnansweredRoundTripIsAStall() {
        clock.advance(Duration.ofSeconds(151));
        assertThat(watch.roundTripDue()).isTrue();
        watch.roundTripStarted();
        clock.advance(Duration.ofSeconds(31));
        assertThat(watch.silentStall())
                .as("silent, but not for the stall timeout yet")
                .isEmpty();
        clock.advance(Duration.ofSeconds(120));
        assertThat(watch.silentStall())
                .hasValueSatisfying(stall -> assertThat(stall.signal()).isEqualTo(HealthWatch.SERVER_SILENT));
        assertThat(watch.state(AccountStatus.READY)).isEqualTo("stalled");
    }

    @Test
    void aRoundTripThatFailsAtOnceSaysNothingAboutTheConnection() {
        clock.advance(Duration.ofSeconds(151));
        long id = watch.roundTripStarted();
        watch.roundTripAnswered(id, false);
        clock.advance(Duration.ofMinutes(10));
        assertThat(watch.silentStall()).isEmpty();
        assertThat(watch.state(AccountStatus.READY)).isEqualTo("degraded");
    }

    @Test
    void aRoundTripAskedAndFailedLaterCountsAsNoAnswer() {
        clock.advance(Duration.ofSeconds(151));
        long id = watch.roundTripStarted();
        clock.advance(Duration.ofSeconds(20)); // e.g. the query timed out on a dead socket
        watch.roundTripAnswered(id, false);
        assertThat(watch.silentStall())
                .as("not silent for the stall timeout yet")
                .isEmpty();
        clock.advance(Duration.ofSeconds(150));
        assertThat(watch.silentStall())
                .hasValueSatisfying(stall -> assertThat(stall.signal()).isEqualTo(HealthWatch.SERVER_SILENT));
    }

    @Test
    void aHealedSessionStaysStalledUntilTheServersAnswerAndIsAskedAtOnce() {
        clock.advance(Duration.ofSeconds(151));
        watch.roundTripStarted();
        clock.advance(Duration.ofSeconds(200));
        HealthWatch.Stall stall = watch.silentStall().orElseThrow();
        assertThat(watch.nextStep(stall)).isEqualTo(HealthWatch.Step.RELOAD);
        watch.status(AccountStatus.INIT);
        clock.advance(Duration.ofSeconds(5));
        watch.status(AccountStatus.READY);

        assertThat(watch.state(AccountStatus.READY))
                .as("READY again, but nothing heard from the servers yet")
                .isEqualTo("stalled");
        assertThat(watch.roundTripDue())
                .as("asked at once, not after minutes of silence")
                .isTrue();
        long id = watch.roundTripStarted();
        clock.advance(Duration.ofSeconds(1));
        watch.roundTripAnswered(id, true);
        assertThat(watch.state(AccountStatus.READY)).isEqualTo("ok");
        assertThat(watch.stalled()).isFalse();
    }

    @Test
    void aHealThatCannotBeConfirmedIsNotKeptStalled() {
        watch.nextStep(watch.unresponsive());
        watch.status(AccountStatus.INIT);
        watch.status(AccountStatus.READY);
        assertThat(watch.stalled()).isTrue();
        long id = watch.roundTripStarted();
        watch.roundTripAnswered(id, false); // wa-js cannot ask: nothing to wait for
        assertThat(watch.stalled()).isFalse();
        assertThat(watch.state(AccountStatus.READY)).isEqualTo("degraded");
    }

    @Test
    void aPageEventCarryingServerContactEndsTheSilence() {
        clock.advance(Duration.ofSeconds(151));
        watch.roundTripStarted();
        clock.advance(Duration.ofSeconds(200));
        watch.serverContactAt(clock.instant().minusSeconds(1));
        assertThat(watch.silentStall()).isEmpty();
    }

    @Test
    void theLadderIsReloadThenRelaunchThenGiveUpWithinAnHour() {
        HealthWatch.Stall stall = new HealthWatch.Stall(HealthWatch.SERVER_SILENT, "quiet");
        assertThat(watch.nextStep(stall)).isEqualTo(HealthWatch.Step.RELOAD);
        clock.advance(Duration.ofMinutes(10));
        assertThat(watch.nextStep(stall)).isEqualTo(HealthWatch.Step.RELAUNCH);
        clock.advance(Duration.ofMinutes(10));
        assertThat(watch.nextStep(stall)).isEqualTo(HealthWatch.Step.RELAUNCH);
        clock.advance(Duration.ofMinutes(10));
        assertThat(watch.nextStep(stall)).isEqualTo(HealthWatch.Step.GIVE_UP);
        assertThat(watch.gaveUp()).isTrue();
        assertThat(watch.healsLast24h()).isEqualTo(4);
    }

    @Test
    void stallsMoreThanAnHourApartStartTheLadderAgain() {
        HealthWatch.Stall stall = new HealthWatch.Stall(HealthWatch.SERVER_SILENT, "quiet");
        for (int i = 0; i < 5; i++) {
            assertThat(watch.nextStep(stall)).isEqualTo(HealthWatch.Step.RELOAD);
            clock.advance(Duration.ofMinutes(61));
        }
        assertThat(watch.healsLast24h()).isEqualTo(5);
        clock.advance(Duration.ofHours(24));
        assertThat(watch.healsLast24h()).isZero();
    }

    @Test
    void aFrozenPageIsRelaunchedAtOnceAndCrashesDoNotCountTowardGivingUp() {
        for (int i = 0; i < 5; i++) {
            watch.crashHealed();
        }
        assertThat(watch.nextStep(watch.unresponsive())).isEqualTo(HealthWatch.Step.RELAUNCH);
        assertThat(watch.healsLast24h()).isEqualTo(6);
    }

    @Test
    void aRestartByTheOperatorGivesAFreshBudget() {
        HealthWatch.Stall stall = new HealthWatch.Stall(HealthWatch.SERVER_SILENT, "quiet");
        for (int i = 0; i < 4; i++) {
            watch.nextStep(stall);
        }
        assertThat(watch.gaveUp()).isTrue();
        watch.reset();
        assertThat(watch.nextStep(stall)).isEqualTo(HealthWatch.Step.RELOAD);
        assertThat(watch.state(AccountStatus.READY)).isNotEqualTo("stalled");
    }

    @Test
    void aHealStepThatDoesNotBringTheSessionBackIsFollowedByTheNext() {
        HealthWatch.Stall stall = new HealthWatch.Stall(HealthWatch.SERVER_SILENT, "quiet");
        assertThat(watch.nextStep(stall)).isEqualTo(HealthWatch.Step.RELOAD);
        watch.status(AccountStatus.AUTH);
        clock.advance(Duration.ofMinutes(4));
        assertThat(watch.healOverdue(AccountStatus.AUTH, true)).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(watch.healOverdue(AccountStatus.AUTH, true)).hasValueSatisfying(overdue -> {
            assertThat(overdue.signal()).isEqualTo(HealthWatch.SERVER_SILENT);
            assertThat(overdue.description()).contains("after the reload");
        });
        assertThat(watch.nextStep(watch.healOverdue(AccountStatus.AUTH, true).orElseThrow()))
                .isEqualTo(HealthWatch.Step.RELAUNCH);
        watch.status(AccountStatus.READY);
        clock.advance(Duration.ofMinutes(10));
        assertThat(watch.healOverdue(AccountStatus.READY, false)).isEmpty();
    }

    @Test
    void aSessionThatIsNotStuckConnectingAfterAHealIsLeftToWhatsApp() {
        watch.nextStep(new HealthWatch.Stall(HealthWatch.SERVER_SILENT, "quiet"));
        watch.status(AccountStatus.DISCONNECTED);
        clock.advance(Duration.ofMinutes(30));
        assertThat(watch.healOverdue(AccountStatus.DISCONNECTED, false))
                .as("offline, reconnecting by itself: a relaunch would not help")
                .isEmpty();
    }

    @Test
    void theTimeAHealHasStartsWhenItsBrowserOpens() {
        watch.nextStep(new HealthWatch.Stall(HealthWatch.SERVER_SILENT, "quiet"));
        watch.status(AccountStatus.INIT);
        clock.advance(Duration.ofMinutes(10)); // launches failed meanwhile
        watch.pageOpened();
        clock.advance(Duration.ofSeconds(30));
        assertThat(watch.healOverdue(AccountStatus.INIT, true)).isEmpty();
    }

    @Test
    void aQuietHealthyAccountIsOkWhileItsRoundTripIsUnderWay() {
        clock.advance(Duration.ofSeconds(151));
        assertThat(watch.roundTripDue()).isTrue();
        long id = watch.roundTripStarted();
        clock.advance(Duration.ofSeconds(10));
        assertThat(watch.state(AccountStatus.READY)).isEqualTo("ok");
        watch.roundTripAnswered(id, true);
        assertThat(watch.state(AccountStatus.READY)).isEqualTo("ok");
    }

    @Test
    void aHealThatEndsOnTheQrCodeIsNotAStall() {
        watch.nextStep(watch.unresponsive());
        assertThat(watch.stalled()).isTrue();
        watch.status(AccountStatus.QR);
        clock.advance(Duration.ofMinutes(30));
        assertThat(watch.healOverdue(AccountStatus.QR, false)).isEmpty();
        assertThat(watch.stalled()).isFalse();
        assertThat(watch.state(AccountStatus.QR)).isEqualTo("degraded");
    }

    @Test
    void becomingReadyAgainStartsTheSilenceClockAfresh() {
        clock.advance(Duration.ofSeconds(151));
        watch.roundTripStarted();
        clock.advance(Duration.ofSeconds(200));
        watch.status(AccountStatus.DISCONNECTED);
        assertThat(watch.contactAgeSeconds()).isEmpty();
        watch.status(AccountStatus.READY);
        clock.advance(Duration.ofSeconds(10));
        assertThat(watch.silentStall()).isEmpty();
        assertThat(watch.contactAgeSeconds()).hasValue(10.0);
    }
}
