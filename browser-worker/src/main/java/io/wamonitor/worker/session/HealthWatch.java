package io.wamonitor.worker.session;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * One session's liveness: when its page last heard from WhatsApp's servers, whether a light round trip through the
 * page is due or went unanswered, and which heal step comes next. Pure bookkeeping: the owner thread feeds it what
 * it sees and does what it says. Read by other threads (heartbeat, metrics) through volatile fields.
 */
final class HealthWatch {

    /** The signals a heal is started for (metric and incident labels). */
    static final String SERVER_SILENT = "server_silent";

    static final String PAGE_UNRESPONSIVE = "page_unresponsive";
    static final String RENDERER_CRASHED = "renderer_crashed";
    static final String BROWSER_EXITED = "browser_exited";
    /** A call into the page failed in a way that left it unusable (not a crash, not navigation). */
    static final String PAGE_ERROR = "page_error";

    /**
     * A round trip that fails sooner than this failed without asking the servers (wa-js broken by a WhatsApp Web
     * update, a store missing): it says nothing about the connection. One that fails later was asked and not
     * answered (a query timing out on a dead socket): that counts as no answer.
     */
    static final Duration FAILED_AT_ONCE = Duration.ofSeconds(5);

    enum Step {
        RELOAD("reload"),
        RELAUNCH("relaunch"),
        GIVE_UP("give_up");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }

    /** A detected stall: the signal and what was seen, in words. */
    record Stall(String signal, String description) {}

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofHours(24);

    private final HealthSettings settings;
    private final Clock clock;
    /** Every heal step of the last day; the owner thread adds, the heartbeat counts. */
    private final Deque<Instant> heals = new ConcurrentLinkedDeque<>();
    /** Heal steps of stalls (not crashes) in the last hour: these count toward giving up. */
    private final Deque<Instant> stallHeals = new ArrayDeque<>();

    private volatile boolean ready;
    private volatile Instant connectedSince;
    private volatile Instant lastEventAt;
    private volatile Instant lastServerContactAt;
    private volatile boolean stalled;
    private volatile boolean gaveUp;
    private volatile boolean roundTripInconclusive;
    /**
     * A heal step was taken and the servers have not been heard from since: READY again is not enough (a page can
     * reconnect to a socket that still delivers nothing), so the session stays {@code stalled} until they are.
     */
    private volatile boolean unconfirmed;

    /** When the last heal step started, until the session is READY again (null: no heal under way). */
    private Instant healStartedAt;

    private Stall healedStall;
    private Step healedStep;
    private long roundTripId;
    private Instant roundTripStartedAt;
    private Instant roundTripFailedAt;
    private Instant lastRoundTripEndedAt;
    /** Ask the servers at the next chance, not after half a stall timeout of silence (a heal step to confirm). */
    private boolean askNow;

    HealthWatch(HealthSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The session's status changed. Becoming READY starts the silence clock afresh. */
    void status(AccountStatus status) {
        boolean nowReady = status == AccountStatus.READY;
        if (nowReady
                || status == AccountStatus.QR
                || status == AccountStatus.LOGGED_OUT
                || (status == AccountStatus.FAILED && !gaveUp)) {
            // Connected again, or something that is not a stall (logged out, blocked): the heal is over.
            healStartedAt = null;
            if (!nowReady) {
                stalled = false;
                unconfirmed = false;
            }
        }
        if (nowReady && !ready) {
            Instant now = clock.instant();
            connectedSince = now;
            // The handshake that made it READY was an exchange with the servers: the silence clock starts here.
            lastServerContactAt = now;
            gaveUp = false;
            pageReplaced();
            if (unconfirmed) {
                // After a heal step: stalled until the servers answer, and the question is asked at once.
                stalled = true;
                askNow = true;
            } else {
                stalled = false;
            }
        } else if (!nowReady && ready) {
            connectedSince = null;
        }
        ready = nowReady;
    }

    /** The page reported something; {@code fromServer} when it can only have come from WhatsApp's servers. */
    void event(boolean fromServer) {
        Instant now = clock.instant();
        lastEventAt = now;
        if (fromServer) {
            serverContact(now);
        }
    }

    /** The page says it last heard from the servers at {@code at} (a wa-js event the worker does not forward). */
    void serverContactAt(Instant at) {
        if (at != null && (lastServerContactAt == null || at.isAfter(lastServerContactAt))) {
            serverContact(at.isAfter(clock.instant()) ? clock.instant() : at);
        }
    }

    private void serverContact(Instant at) {
        lastServerContactAt = at;
        roundTripFailedAt = null;
        if (stalled && !gaveUp) {
            stalled = false;
            unconfirmed = false;
        }
    }

    /**
     * Whether to ask the servers something now: READY, nothing heard for a while (or just healed), no question
     * pending.
     */
    boolean roundTripDue() {
        if (!ready || roundTripStartedAt != null || lastServerContactAt == null) {
            return false;
        }
        Instant now = clock.instant();
        if (askNow) {
            return true;
        }
        if (silence(now).compareTo(settings.roundTripAfter()) < 0) {
            return false;
        }
        return lastRoundTripEndedAt == null
                || !lastRoundTripEndedAt.plus(settings.roundTripTimeout()).isAfter(now);
    }

    long roundTripStarted() {
        roundTripStartedAt = clock.instant();
        askNow = false;
        return ++roundTripId;
    }

    /** The page answered round trip {@code id}: {@code ok} when the servers answered it. */
    void roundTripAnswered(long id, boolean ok) {
        if (id != roundTripId || roundTripStartedAt == null) {
            return; // an answer to a question already given up on
        }
        Instant now = clock.instant();
        Duration took = Duration.between(roundTripStartedAt, now);
        roundTripStartedAt = null;
        lastRoundTripEndedAt = now;
        if (ok) {
            roundTripInconclusive = false;
            serverContact(now);
        } else if (took.compareTo(FAILED_AT_ONCE) >= 0) {
            // Asked, and the servers did not answer (the query timed out or the socket failed under it).
            roundTripInconclusive = false;
            roundTripFailedAt = now;
        } else {
            // The call failed at once (e.g. wa-js broken by a WhatsApp Web update): it says nothing about the
            // connection, and must never make every account look stalled; nor can it confirm a heal.
            roundTripInconclusive = true;
            if (unconfirmed && stalled && !gaveUp) {
                stalled = false;
                unconfirmed = false;
            }
        }
    }

    /** A new page (reload, relaunch): its round trips are its own. */
    void pageReplaced() {
        roundTripStartedAt = null;
        roundTripFailedAt = null;
        lastRoundTripEndedAt = null;
        askNow = false;
    }

    /**
     * Whether the READY session is stalled: the servers have been silent past {@code SESSION_STALL_TIMEOUT} and the
     * last round trip went unanswered past its deadline.
     */
    Optional<Stall> silentStall() {
        if (!ready || lastServerContactAt == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (roundTripStartedAt != null
                && !roundTripStartedAt.plus(settings.roundTripTimeout()).isAfter(now)) {
            roundTripFailedAt = now;
            lastRoundTripEndedAt = now;
            roundTripStartedAt = null;
        }
        Duration silence = silence(now);
        if (roundTripFailedAt == null || silence.compareTo(settings.stallTimeout()) <= 0) {
            return Optional.empty();
        }
        stalled = true;
        return Optional.of(new Stall(
                SERVER_SILENT,
                "no contact with WhatsApp's servers for " + silence.toSeconds()
                        + " s, and a profile query through the page got no answer within "
                        + settings.roundTripTimeout().toSeconds() + " s"));
    }

    /** The page did not answer within {@code SESSION_PAGE_DEADLINE}, twice in a row. */
    Stall unresponsive() {
        return unresponsive("the page did not answer within "
                + settings.pageDeadline().toSeconds() + " s, twice in a row (its main thread is blocked)");
    }

    Stall unresponsive(String description) {
        stalled = true;
        return new Stall(PAGE_UNRESPONSIVE, description);
    }

    /**
     * The heal step for a stall: a reload first, a relaunch when the session stalled again within an hour of an
     * earlier step (a reload was not enough) or the page cannot run a reload because it does not answer, and giving
     * up after {@code SESSION_HEAL_ATTEMPTS} steps within an hour. Counts the step.
     */
    Step nextStep(Stall stall) {
        Instant now = clock.instant();
        prune(stallHeals, now.minus(HOUR));
        Step step;
        if (stallHeals.size() >= settings.healAttempts()) {
            step = Step.GIVE_UP;
            gaveUp = true;
        } else if (stallHeals.isEmpty() && !PAGE_UNRESPONSIVE.equals(stall.signal())) {
            step = Step.RELOAD;
        } else {
            step = Step.RELAUNCH;
        }
        if (step != Step.GIVE_UP) {
            stallHeals.addLast(now);
            healStartedAt = now;
            healedStall = stall;
            healedStep = step;
            unconfirmed = true;
        } else {
            healStartedAt = null;
        }
        countHeal(now);
        pageReplaced();
        return step;
    }

    /**
     * A heal step that did not bring the session back: not READY a stall timeout after it started (the page is
     * stuck connecting or loading). The next step is due.
     */
    Optional<Stall> healOverdue(AccountStatus status, boolean connecting) {
        Instant started = healStartedAt;
        if (started == null || status == AccountStatus.READY || !connecting) {
            return Optional.empty();
        }
        Duration since = Duration.between(started, clock.instant());
        if (since.compareTo(settings.stallTimeout()) <= 0) {
            return Optional.empty();
        }
        stalled = true;
        return Optional.of(new Stall(
                healedStall.signal(),
                "still " + status + " " + since.toSeconds() + " s after the " + healedStep.label + " ("
                        + healedStall.description() + ")"));
    }

    /** A heal step opened a new browser: the time it has to come back starts now (launches may have failed first). */
    void pageOpened() {
        if (healStartedAt != null) {
            healStartedAt = clock.instant();
        }
    }

    /** A heal the worker did on its own for a crash (not a stall): counted, but not toward giving up. */
    void crashHealed() {
        countHeal(clock.instant());
    }

    /** The session was restarted by the operator: a fresh budget, nothing given up. */
    void reset() {
        stallHeals.clear();
        healStartedAt = null;
        stalled = false;
        unconfirmed = false;
        gaveUp = false;
        pageReplaced();
    }

    private void countHeal(Instant now) {
        heals.addLast(now);
        prune(heals, now.minus(DAY));
    }

    private static void prune(Deque<Instant> times, Instant before) {
        while (!times.isEmpty() && times.peekFirst().isBefore(before)) {
            times.removeFirst();
        }
    }

    private Duration silence(Instant now) {
        return lastServerContactAt == null ? Duration.ZERO : Duration.between(lastServerContactAt, now);
    }

    boolean stalled() {
        return stalled;
    }

    boolean gaveUp() {
        return gaveUp;
    }

    /** Seconds since the servers were last heard from, for READY sessions (empty otherwise). */
    Optional<Double> contactAgeSeconds() {
        Instant contact = lastServerContactAt;
        if (!ready || contact == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(contact, clock.instant()).toMillis() / 1000.0);
    }

    /**
     * {@code stalled} while a stall is detected and not healed (or was given up); {@code ok} when READY and heard
     * from the servers within half the stall timeout; {@code degraded} otherwise (not READY, quiet for a while,
     * or round trips that fail at once).
     */
    String state(AccountStatus status) {
        if (stalled || gaveUp) {
            return "stalled";
        }
        if (status != AccountStatus.READY || !ready || roundTripInconclusive) {
            return "degraded";
        }
        Instant contact = lastServerContactAt;
        // Quiet for longer than a round trip takes to be asked and answered: the servers did not answer in time.
        Duration answerWithin = settings.roundTripAfter().plus(settings.roundTripTimeout());
        if (contact == null || silence(clock.instant()).compareTo(answerWithin) > 0) {
            return "degraded";
        }
        return "ok";
    }

    WorkerHeartbeat.SessionHealth snapshot(AccountStatus status) {
        return new WorkerHeartbeat.SessionHealth(
                state(status), connectedSince, lastEventAt, lastServerContactAt, healsLast24h(), 0);
    }

    /** Heal steps in the last 24 hours (read from any thread). */
    int healsLast24h() {
        Instant since = clock.instant().minus(DAY);
        return (int) heals.stream().filter(t -> !t.isBefore(since)).count();
    }
}
