package io.wamonitor.worker.session;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.command.SendMessage;
import io.wamonitor.contracts.event.SendResult;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.worker.WorkerSettings;
import io.wamonitor.worker.browser.BrowserEngine;
import io.wamonitor.worker.browser.BrowserPage;
import io.wamonitor.worker.whatsapp.Linking;
import io.wamonitor.worker.whatsapp.PageScripts;
import io.wamonitor.worker.whatsapp.Sending;
import io.wamonitor.worker.whatsapp.StatusTracker;
import io.wamonitor.worker.whatsapp.WhatsAppWebSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * The worker's account sessions: admission into slots, one {@link AccountSession} per held account, and the
 * commands on them. Commands return quickly; browser work runs on each session's owner thread.
 */
@Service
public class SessionService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);
    private static final Set<AccountStatus> READY = EnumSet.of(AccountStatus.READY);
    private static final Set<AccountStatus> LINKING = EnumSet.of(AccountStatus.QR, AccountStatus.INIT);
    private static final Set<AccountStatus> LINKED =
            EnumSet.of(AccountStatus.READY, AccountStatus.AUTH, AccountStatus.DISCONNECTED);

    private final SlotTable slots;
    private final SessionEvents events;
    private final ProfileStore profiles;
    private final AccountSession.SessionContext context;
    private final Map<UUID, AccountSession> sessions = new ConcurrentHashMap<>();
    private volatile boolean running;

    private final CaptureLog captureLog;
    private final SendLedger sendLedger;
    private final Clock clock;

    SessionService(
            WorkerSettings settings,
            SessionEvents events,
            ProfileStore profiles,
            BrowserEngine engine,
            PageScripts scripts,
            WhatsAppWebSettings whatsapp,
            SessionMetrics metrics,
            CaptureLog captureLog,
            SendLedger sendLedger,
            Clock clock) {
        this.slots = new SlotTable(settings.maxSessions());
        this.events = events;
        this.profiles = profiles;
        this.captureLog = captureLog;
        this.sendLedger = sendLedger;
        this.clock = clock;
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
                clock);
        log.info(
                "Worker {} has {} session slots; WhatsApp Web at {} ({})",
                settings.id(),
                settings.maxSessions(),
                whatsapp.url(),
                scripts.injectsBundle() ? "injecting wa-js" : "the page provides window.WPP");
    }

    public synchronized Outcome<String> start(UUID account, String accountName) {
        Admission admission = slots.admit(account);
        if (admission instanceof Admission.Admitted admitted) {
            AccountSession session = new AccountSession(
                    account, accountName, profiles.profile(account, accountName), context, observer(account));
            sessions.put(account, session);
            log.info(
                    "Account {} ({}) is held in slot {} of {}; starting its browser",
                    account,
                    accountName,
                    admitted.slot(),
                    slots.capacity());
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

    public Outcome<String> stop(UUID account, String reason) {
        AccountSession session = release(account);
        if (session == null) {
            return Outcome.done("not held");
        }
        await(session.stop());
        log.info("Account {} stopped ({}); its slot is free", account, reason);
        events.statusChanged(account, AccountStatus.DISCONNECTED, "session stopped: " + reason, null);
        events.slotsChanged();
        return Outcome.done("stopped");
    }

    public Outcome<String> delete(UUID account, String reason) {
        AccountSession session = release(account);
        if (session != null) {
            await(session.stop());
            events.slotsChanged();
        }
        // The browser is closed, so Chromium has released the profile: now it can go.
        profiles.delete(account);
        captureLog.forget(account);
        log.info("Account {} deleted from this worker ({}); its profile is removed", account, reason);
        return Outcome.done(session != null ? "deleted" : "not held; profile removed");
    }

    public Outcome<String> restart(UUID account, String accountName) {
        AccountSession session = sessions.get(account);
        if (session == null) {
            return start(account, accountName);
        }
        session.restart();
        return Outcome.done("restarting");
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
                    return Sending.send(page, message, keyId);
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

    private boolean pastDeadline(SendMessage message) {
        return message.deadline() != null && clock.instant().isAfter(message.deadline());
    }

    /** Every held account with its status, for the heartbeat. */
    public List<WorkerHeartbeat.HeldSession> heldSessions() {
        return sessions.values().stream().map(AccountSession::held).toList();
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

    private StatusTracker.Observer observer(UUID account) {
        return new StatusTracker.Observer() {
            @Override
            public void statusChanged(AccountStatus status, String reason, String phone) {
                log.info("Account {} is {} ({})", account, status, reason);
                events.statusChanged(account, status, reason, phone);
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

    // ---- lifecycle: relaunch stored sessions on start; on stop close every browser before the profiles go ----

    @Override
    public void start() {
        running = true;
        for (ProfileStore.StoredSession stored : profiles.stored()) {
            log.info("Relaunching account {} from its stored profile", stored.account());
            start(stored.account(), stored.name());
        }
    }

    /**
     * Runs after the AMQP listeners stopped taking commands (they stop in a later phase than this one's
     * start, i.e. earlier on shutdown), so no new session appears while the browsers close.
     */
    @Override
    public void stop() {
        running = false;
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
        sessions.clear();
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
