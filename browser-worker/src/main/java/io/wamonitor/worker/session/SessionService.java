package io.wamonitor.worker.session;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.command.SendMessage;
import io.wamonitor.contracts.event.SendResult;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.worker.WorkerSettings;
import io.wamonitor.worker.browser.BrowserEngine;
import io.wamonitor.worker.browser.BrowserPage;
import io.wamonitor.worker.browser.BrowserSettings;
import io.wamonitor.worker.whatsapp.Linking;
import io.wamonitor.worker.whatsapp.PageScripts;
import io.wamonitor.worker.whatsapp.Sending;
import io.wamonitor.worker.whatsapp.StatusTracker;
import io.wamonitor.worker.whatsapp.WhatsAppWebSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The worker's account sessions: admission into slots, one {@link AccountSession} per held account, and the
 * commands on them. Commands return quickly: what changes what the worker holds (start, stop, delete, restart,
 * restore) runs in the account's lane, one at a time per account and in parallel across accounts; browser work runs
 * on each session's owner thread. Sessions start only when the gateway says so (it knows where each account
 * belongs), never by themselves when the worker starts.
 */
@Service
public class SessionService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);
    private static final Set<AccountStatus> READY = EnumSet.of(AccountStatus.READY);
    private static final Set<AccountStatus> LINKING = EnumSet.of(AccountStatus.QR, AccountStatus.INIT);
    private static final Set<AccountStatus> LINKED =
            EnumSet.of(AccountStatus.READY, AccountStatus.AUTH, AccountStatus.DISCONNECTED);
    /** Launches of a new session's browser before it gives up and frees its slot. */
    static final int MAX_START_ATTEMPTS = 4;

    private final SlotTable slots;
    private final SessionEvents events;
    private final ProfileStore profiles;
    private final ProfileBackups backups;
    private final Epochs epochs;
    private final AccountSession.SessionContext context;
    private final Map<UUID, AccountSession> sessions = new ConcurrentHashMap<>();
    private final Lanes lanes = new Lanes();
    /** Accounts whose profile was restored from a backup and not started since, with when the backup was taken. */
    private final Map<UUID, Instant> restored = new ConcurrentHashMap<>();

    private final ScheduledExecutorService backupRunner;
    private final BackupAfterLinking backupAfterLinking;
    private final String workerId;
    private volatile boolean running;
    private volatile boolean fenced;

    /** How long an owner thread may stay inside one call into its page (see {@link #killHungPages()}). */
    private final Duration hungAfter;

    private final CaptureLog captureLog;
    private final SendLedger sendLedger;
    private final Clock clock;

    SessionService(
            WorkerSettings settings,
            SessionEvents events,
            ProfileStore profiles,
            ProfileBackups backups,
            Epochs epochs,
            BrowserEngine engine,
            PageScripts scripts,
            WhatsAppWebSettings whatsapp,
            SessionMetrics metrics,
            CaptureLog captureLog,
            SendLedger sendLedger,
            HealthSettings health,
            BrowserSettings browser,
            Clock clock) {
        this.hungAfter = health.stuckAfter(browser.loadTimeout());
        this.slots = new SlotTable(settings.maxSessions());
        this.workerId = settings.id();
        this.events = events;
        this.profiles = profiles;
        this.backups = backups;
        this.epochs = epochs;
        this.captureLog = captureLog;
        this.sendLedger = sendLedger;
        this.clock = clock;
        this.backupRunner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "profile-backup");
            thread.setDaemon(true);
            return thread;
        });
        this.backupAfterLinking = new BackupAfterLinking(
                backupRunner, account -> backups.backup(account, "linked"), Duration.ofSeconds(10));
        this.context = new AccountSession.SessionContext(
                engine,
                scripts,
                whatsapp.url(),
                new Semaphore(settings.startConcurrency()),
                metrics,
                whatsapp.qrMaxBatches(),
                whatsapp.takeoverOnConflict(),
                events,
                whatsapp.mediaMaxBytes(),
                captureLog,
                sendLedger,
                clock,
                MAX_START_ATTEMPTS,
                health);
        log.info(
                "Worker {} has {} session slots; WhatsApp Web at {} ({})",
                settings.id(),
                settings.maxSessions(),
                whatsapp.url(),
                scripts.injectsBundle() ? "injecting wa-js" : "the page provides window.WPP");
    }

    /** Whether a command of {@code epoch} for the account may run here (see {@link Epochs}). */
    public boolean admits(UUID account, Long epoch) {
        return epochs.admit(account, epoch);
    }

    public CompletableFuture<Outcome<String>> start(UUID account, String accountName, Long epoch) {
        return lanes.run(account, () -> startNow(account, accountName, epoch));
    }

    private Outcome<String> startNow(UUID account, String accountName, Long epoch) {
        if (fenced) {
            return new Outcome.Failed<>(
                    "WORKER_FENCED",
                    "this worker lost contact with the platform and starts nothing until it is back",
                    true);
        }
        if (epoch != null && epoch < epochs.current(account)) {
            return Outcome.failed("ACCOUNT_MOVED", "the account was assigned elsewhere since (epoch " + epoch + ")");
        }
        Optional<ProfileStore.StoredSession> stored = profiles.read(account);
        if (stored.isPresent()
                && stored.get().worker() != null
                && !stored.get().worker().equals(workerId)
                && stored.get().epoch() != null
                && epoch != null
                && stored.get().epoch() > epoch) {
            return Outcome.failed(
                    "ACCOUNT_MOVED",
                    "worker " + stored.get().worker() + " ran this profile under a newer epoch ("
                            + stored.get().epoch() + ")");
        }
        AccountSession running = sessions.get(account);
        if (running != null && !Objects.equals(running.epoch(), epoch) && epoch != null) {
            // A newer assignment of the account to this same worker: carry on under it.
            stopNow(account, "assigned again (epoch " + epoch + ")", false, false);
        }
        Admission admission = slots.admit(account);
        if (admission instanceof Admission.Admitted admitted) {
            AccountSession session = new AccountSession(
                    account,
                    epoch,
                    restored.remove(account),
                    accountName,
                    profiles.profile(account, accountName, epoch),
                    context,
                    observer(account),
                    lifecycle(account));
            sessions.put(account, session);
            log.info(
                    "Account {} ({}) is held in slot {} of {} (epoch {}); starting its browser",
                    account,
                    accountName,
                    admitted.slot(),
                    slots.capacity(),
                    epoch);
            events.statusChanged(account, AccountStatus.INIT, "starting the browser", null);
            events.slotsChanged();
            session.start();
            return Outcome.done("held in slot " + admitted.slot());
        }
        if (admission instanceof Admission.AlreadyHeld held) {
            AccountSession session = sessions.get(account);
            AccountStatus status = session == null ? AccountStatus.INIT : session.status();
            events.statusChanged(account, status, "already running in slot " + held.slot(), null);
            return Outcome.done("already held in slot " + held.slot());
        }
        Admission.Full full = (Admission.Full) admission;
        String reason = "all " + full.capacity() + " session slots of this worker are in use";
        log.warn("Cannot start account {}: {}", account, reason);
        events.statusChanged(account, AccountStatus.FAILED, reason, null);
        return new Outcome.Failed<>("NO_FREE_SLOT", reason, true);
    }

    /**
     * Stops the account's session; {@code handOver}: it moves to another worker, so its profile is backed up even
     * if unchanged.
     */
    public CompletableFuture<Outcome<String>> stop(UUID account, String reason, boolean handOver) {
        return lanes.run(account, () -> stopNow(account, reason, true, handOver));
    }

    /** Closes the session's browser, frees its slot and, if it was linked, backs its profile up. */
    private Outcome<String> stopNow(UUID account, String reason, boolean report, boolean handOver) {
        AccountSession session = release(account);
        if (session == null) {
            return Outcome.done("not held");
        }
        await(session.stop());
        log.info("Account {} stopped ({}); its slot is free", account, reason);
        boolean backedUp =
                session.linked() && backups.backup(account, "stopped", handOver) == ProfileBackups.Result.TAKEN;
        if (report) {
            events.statusChanged(account, AccountStatus.DISCONNECTED, "session stopped: " + reason, null);
        }
        events.slotsChanged();
        return Outcome.done(backedUp ? "stopped; profile backed up" : "stopped");
    }

    public CompletableFuture<Outcome<String>> delete(UUID account, String reason) {
        return lanes.run(account, () -> {
            AccountSession session = release(account);
            if (session != null) {
                await(session.stop());
                events.slotsChanged();
            }
            // The browser is closed, so Chromium has released the profile: now it can go.
            profiles.delete(account);
            captureLog.forget(account);
            backups.forget(account);
            log.info("Account {} deleted from this worker ({}); its profile is removed", account, reason);
            return Outcome.done(session != null ? "deleted" : "not held; profile removed");
        });
    }

    public CompletableFuture<Outcome<String>> restart(UUID account, String accountName, Long epoch) {
        return lanes.run(account, () -> {
            AccountSession session = sessions.get(account);
            if (session == null) {
                return startNow(account, accountName, epoch);
            }
            session.restart();
            return Outcome.done("restarting");
        });
    }

    /**
     * Puts a backed-up profile in place for the account (not while it runs here): its next start continues the
     * WhatsApp login without a QR code. Capture starts at {@code captureFrom}: messages the backup holds from then
     * on are reported if they were not (the gateway drops repeats), older history is not.
     */
    public CompletableFuture<Outcome<String>> restore(
            UUID account, String archive, Instant takenAt, Instant captureFrom) {
        return lanes.run(account, () -> {
            if (sessions.containsKey(account)) {
                return Outcome.<String>failed("ACCOUNT_HELD", "the account runs on this worker; nothing to restore");
            }
            try {
                backups.restore(account, archive);
            } catch (ProfileArchive.BackupUnreadable e) {
                log.warn("Account {}: the profile backup of {} cannot be used: {}", account, takenAt, e.getMessage());
                return Outcome.<String>failed("BACKUP_UNREADABLE", e.getMessage());
            }
            captureLog.restartCursor(account, (captureFrom != null ? captureFrom : takenAt).getEpochSecond());
            restored.put(account, takenAt);
            log.info("Account {}: profile restored from the backup of {}", account, takenAt);
            return Outcome.done("restored the backup of " + takenAt);
        });
    }

    public CompletableFuture<Outcome<String>> logout(UUID account) {
        return onSession(account, LINKED, "ACCOUNT_NOT_LINKED", "LOGOUT_FAILED", page -> {
            Linking.logout(page).ifPresent(failure -> {
                throw new SessionFailure(failure.code(), failure.message());
            });
            return "logged out";
        });
    }

    public CompletableFuture<Outcome<Snapshot>> snapshot(UUID account, String format, Integer quality) {
        return onSession(
                account,
                READY,
                "ACCOUNT_NOT_READY",
                "SNAPSHOT_FAILED",
                page -> new Snapshot(
                        "jpeg".equals(format) ? "image/jpeg" : "image/png",
                        page.screenshot(format, quality),
                        clock.instant()));
    }

    public CompletableFuture<Outcome<String>> pairingCode(UUID account, String phone) {
        return onSession(account, LINKING, "ACCOUNT_ALREADY_LINKED", "PAIRING_CODE_FAILED", page -> {
            Linking.Result<String> code = Linking.pairingCode(page, phone);
            if (code.failure() != null) {
                throw new SessionFailure(code.failure().code(), code.failure().message());
            }
            return code.value();
        });
    }

    /**
     * Runs {@code work} on the account's owner thread when its status is one of {@code allowed}; every way it can
     * end is an {@link Outcome}.
     */
    private <T> CompletableFuture<Outcome<T>> onSession(
            UUID account,
            Set<AccountStatus> allowed,
            String notAllowed,
            String fallbackCode,
            Function<BrowserPage, T> work) {
        return session(account)
                .thenCompose(s -> s.submit(allowed, notAllowed, work))
                .handle((value, error) -> error == null ? Outcome.done(value) : Outcome.of(error, fallbackCode));
    }

    /**
     * Runs a send command at most once and reports how it ended as an event (also when it was refused): a command
     * already run answers with its recorded result and sends nothing; one past its deadline is refused; otherwise
     * the send is written down as started before the page is asked. A send the page did not finish (the page
     * went away mid-send) stays started and is settled from WhatsApp Web once the session is READY again.
     */
    public CompletableFuture<SendResult> send(UUID account, UUID commandId, SendMessage message) {
        Optional<SendResult> done = sendLedger.finished(commandId);
        if (done.isPresent()) {
            log.info("Send command {} was delivered again; it ran already and is not sent twice", commandId);
            events.sendFinished(account, done.get());
            return CompletableFuture.completedFuture(done.get());
        }
        CompletableFuture<SendResult> outcome = session(account)
                .thenCompose(s -> s.submit(READY, "ACCOUNT_NOT_READY", page -> {
                    if (pastDeadline(message)) {
                        return SendResult.failed(
                                "DEADLINE_EXCEEDED",
                                "the send came after its deadline " + message.deadline() + "; it was not sent");
                    }
                    String keyId = Sending.keyIdOf(commandId);
                    if (!sendLedger.start(commandId, account, message.to(), keyId)) {
                        return null; // already started by an earlier delivery of this command: that one reports
                    }
                    return Sending.send(page, message, keyId, sendWait(message));
                }));
        return outcome.handle((result, error) -> {
            if (error != null) {
                SessionFailure failure = SessionFailure.of(error);
                if (failure == null
                        && sendLedger.unfinished(account).stream()
                                .anyMatch(started -> started.commandId().equals(commandId))) {
                    log.warn(
                            "Account {}: send {} was interrupted ({}); it is settled from WhatsApp Web shortly",
                            account,
                            commandId,
                            error.getMessage());
                    AccountSession session = sessions.get(account);
                    if (session != null) {
                        session.settleSoon();
                    }
                    return null;
                }
                result = SendResult.failed(
                        failure != null ? failure.code() : "SEND_FAILED",
                        failure != null ? failure.getMessage() : String.valueOf(error.getMessage()));
            }
            if (result == null) {
                return null;
            }
            SendResult answered = result.forCommand(commandId);
            sendLedger.finish(commandId, answered);
            events.sendFinished(account, answered);
            return answered;
        });
    }

    /**
     * How long a send may wait for WhatsApp: until shortly before its deadline, so the gateway (waiting for the
     * answer until then) gets a definite one, but at least {@link #SEND_WAIT_MIN} (a server that is merely slow to
     * accept gets the time, and the gateway settles the send's key with the later answer); {@link #SEND_WAIT_MAX}
     * for a send without a deadline.
     */
    private Duration sendWait(SendMessage message) {
        return sendWait(clock.instant(), message.deadline());
    }

    static Duration sendWait(Instant now, Instant deadline) {
        if (deadline == null) {
            return SEND_WAIT_MAX;
        }
        Duration left = Duration.between(now, deadline).minus(SEND_ANSWER_MARGIN);
        if (left.compareTo(SEND_WAIT_MIN) < 0) {
            return SEND_WAIT_MIN;
        }
        return left.compareTo(SEND_WAIT_MAX) > 0 ? SEND_WAIT_MAX : left;
    }

    private static final Duration SEND_WAIT_MIN = Duration.ofSeconds(10);
    private static final Duration SEND_WAIT_MAX = Duration.ofSeconds(60);
    /** The answer's way back to the gateway (the event, the broker) before the gateway stops waiting. */
    private static final Duration SEND_ANSWER_MARGIN = Duration.ofSeconds(2);

    private boolean pastDeadline(SendMessage message) {
        return message.deadline() != null && clock.instant().isAfter(message.deadline());
    }

    /** Every held account with its status, for the heartbeat. */
    public List<WorkerHeartbeat.HeldSession> heldSessions() {
        return sessions.values().stream().map(AccountSession::held).toList();
    }

    /** Accounts whose profile is on this worker's disk and was last run here. */
    public List<UUID> storedAccounts() {
        return profiles.stored().stream()
                .map(ProfileStore.StoredSession::account)
                .toList();
    }

    /**
     * This worker could not report for so long that the gateway may be moving its accounts elsewhere: every
     * session stops (profiles stay, backed up) and nothing starts until {@link #unfence()}.
     */
    public void fence(String why) {
        if (fenced) {
            return;
        }
        fenced = true;
        log.warn("Fenced: {}; every session stops until the worker is back in contact", why);
        for (UUID account : List.copyOf(sessions.keySet())) {
            stop(account, "worker fenced: " + why, false);
        }
    }

    /** Back in contact: the gateway starts the accounts that still belong here. */
    public void unfence() {
        if (fenced) {
            fenced = false;
            log.info("In contact again; sessions start as the gateway asks");
        }
    }

    public boolean fenced() {
        return fenced;
    }

    /** Backs up every linked session whose profile changed since its last backup ({@code PROFILE_BACKUP_INTERVAL}). */
    @Scheduled(
            initialDelayString = "${wamonitor.backup.interval:1h}",
            fixedDelayString = "${wamonitor.backup.interval:1h}")
    void backupChanged() {
        if (!backups.enabled()) {
            return;
        }
        for (AccountSession session : List.copyOf(sessions.values())) {
            if (session.linked() && session.status() == AccountStatus.READY) {
                backupRunner.execute(() -> backups.backup(session.account(), "interval"));
            }
        }
    }

    /**
     * The watchdog: a page that hangs in the middle of a call holds its owner thread forever (Playwright's evaluate
     * has no timeout), and with it the session's own health checks. Its browser is killed, so the owner relaunches it.
     */
    @Scheduled(initialDelay = 5_000, fixedDelay = 5_000)
    void killHungPages() {
        for (AccountSession session : List.copyOf(sessions.values())) {
            session.killIfHung(hungAfter);
        }
    }

    /** Each held account's liveness (metrics). */
    Map<UUID, HealthWatch> healthWatches() {
        Map<UUID, HealthWatch> watches = new java.util.HashMap<>();
        sessions.forEach((account, session) -> watches.put(account, session.health()));
        return watches;
    }

    /** How many of this worker's sessions are in each status. */
    Map<AccountStatus, Long> statusCounts() {
        return sessions.values().stream().collect(Collectors.groupingBy(AccountSession::status, Collectors.counting()));
    }

    public SlotTable slots() {
        return slots;
    }

    public record Snapshot(String mimetype, byte[] image, Instant takenAt) {
        public String base64() {
            return Base64.getEncoder().encodeToString(image);
        }
    }

    private CompletableFuture<AccountSession> session(UUID account) {
        AccountSession session = sessions.get(account);
        return session == null
                ? CompletableFuture.failedFuture(
                        new SessionFailure("SESSION_NOT_FOUND", "this worker holds no session for the account"))
                : CompletableFuture.completedFuture(session);
    }

    private synchronized AccountSession release(UUID account) {
        slots.release(account);
        return sessions.remove(account);
    }

    private AccountSession.Lifecycle lifecycle(UUID account) {
        return new AccountSession.Lifecycle() {
            @Override
            public void linked() {
                if (backups.enabled()) {
                    AccountSession session = sessions.get(account);
                    backupAfterLinking.start(
                            account, () -> session != null && sessions.get(account) == session && session.linked());
                }
            }

            @Override
            public void gaveUp(String why) {
                lanes.run(account, () -> {
                    AccountSession session = sessions.get(account);
                    if (session == null || !session.ended()) {
                        return null; // stopped meanwhile, or a new session took its place
                    }
                    release(account);
                    log.warn("Account {}: {}; its slot is free", account, why);
                    events.statusChanged(account, AccountStatus.FAILED, why, null);
                    events.slotsChanged();
                    return null;
                });
            }
        };
    }

    private StatusTracker.Observer observer(UUID account) {
        return new StatusTracker.Observer() {
            @Override
            public void statusChanged(AccountStatus status, String reason, String phone) {
                log.info("Account {} is {} ({})", account, status, reason);
                AccountSession session = sessions.get(account);
                events.statusChanged(
                        account,
                        status,
                        reason,
                        phone,
                        session == null ? null : session.webVersion(),
                        session == null ? null : session.waJsVersion());
            }

            @Override
            public void qrChanged(String qr) {
                events.qrChanged(account, qr);
            }
        };
    }

    private static void await(CompletableFuture<Void> stopped) {
        try {
            stopped.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("A session did not stop within 30 s: {}", e.toString());
        }
    }

    // ---- lifecycle: sessions start when the gateway asks; on stop close every browser before the profiles go ----

    @Override
    public void start() {
        running = true;
        int stored = profiles.stored().size();
        if (stored > 0) {
            log.info("{} account profile(s) on disk; their sessions start when the gateway asks", stored);
        }
    }

    /**
     * Runs after the AMQP listeners stopped taking commands (they stop in a later phase than this one's
     * start, i.e. earlier on shutdown), so no new session appears while the browsers close.
     */
    @Override
    public void stop() {
        running = false;
        try {
            lanes.awaitIdle(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        sessions.values().forEach(s -> closing.add(s.stop()));
        closing.forEach(SessionService::await);
        // Say so, rather than leave the gateway showing READY for sessions nobody runs.
        sessions.keySet()
                .forEach(account -> events.statusChanged(
                        account,
                        AccountStatus.DISCONNECTED,
                        "the worker is shutting down; the session resumes when it is back",
                        null));
        // A clean stop: the browsers are closed, so each linked profile is complete on disk.
        sessions.values().stream().filter(AccountSession::linked).forEach(s -> backups.backup(s.account(), "stopped"));
        sessions.clear();
        lanes.close();
        backupRunner.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Below the listener containers (Integer.MAX_VALUE - 100 or so): started before them, stopped after.
        return 0;
    }
}
