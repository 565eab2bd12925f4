package io.wamonitor.worker.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.event.AccountIncident;
import io.wamonitor.contracts.event.MessageCaptured;
import io.wamonitor.contracts.event.MessageEdited;
import io.wamonitor.contracts.event.MessageReacted;
import io.wamonitor.contracts.event.MessageRevoked;
import io.wamonitor.contracts.event.SendResult;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.worker.browser.BrowserEngine;
import io.wamonitor.worker.browser.BrowserPage;
import io.wamonitor.worker.browser.PageSetup;
import io.wamonitor.worker.whatsapp.Identities;
import io.wamonitor.worker.whatsapp.Linking;
import io.wamonitor.worker.whatsapp.Messages;
import io.wamonitor.worker.whatsapp.PageCalls;
import io.wamonitor.worker.whatsapp.PageEvent;
import io.wamonitor.worker.whatsapp.PageScripts;
import io.wamonitor.worker.whatsapp.Probe;
import io.wamonitor.worker.whatsapp.Sending;
import io.wamonitor.worker.whatsapp.StatusTracker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One account's WhatsApp Web session, run by its own owner thread: the thread opens the browser, then loops
 * over its inbox (work handed over by AMQP threads) and, when idle, pumps page events into the status machine.
 * Nothing else touches the browser, so Playwright's one-thread rule holds by construction.
 */
final class AccountSession {

    private static final Logger log = LoggerFactory.getLogger(AccountSession.class);
    private static final Duration PUMP = Duration.ofMillis(100);
    private static final long PROBE_EVERY_MS = 2_000;
    private static final long MAX_BACKOFF_MS = 60_000;
    /** While the journal is full, messages left in WhatsApp Web are looked for again this often. */
    private static final long BACKFILL_RETRY_MS = 10_000;

    private final UUID account;
    private final Long epoch;
    /** When the backup this session's profile was restored from was taken; null when not restored. */
    private final Instant restoredFrom;

    private final Lifecycle lifecycle;
    private final int maxStartAttempts;
    private final String name;
    private final Path profile;
    private final BrowserEngine engine;
    private final PageScripts scripts;
    private final String url;
    private final Semaphore launchGate;
    private final SessionEvents events;
    private final long mediaMaxBytes;
    private final SessionMetrics metrics;
    private final CaptureLog captureLog;
    private final SendLedger sends;
    private final Clock clock;
    private final StatusTracker tracker;
    private final Identities identities;
    private final HealthSettings healthSettings;
    private final HealthWatch health;
    private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final Deque<PageEvent> pageEvents = new ArrayDeque<>();
    private final Map<String, Boolean> seenMessages = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 5_000;
        }
    };
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final Thread thread;

    private volatile boolean stopping;
    private volatile AccountStatus status = AccountStatus.INIT;
    private volatile String reason = "starting the browser";
    private volatile String phone;
    private volatile String webVersion;
    private volatile String waJsVersion;
    private BrowserPage page;
    private long nextProbe;
    private long backoffMs = 1_000;
    /** Launches that failed before the browser was ever open; at {@code maxStartAttempts} the session gives up. */
    private int failedStarts;

    private boolean everOpened;
    /** The account was on the linking screen during this session: its next READY is a fresh link. */
    private volatile boolean sawQr;

    private volatile boolean everReady;
    /** The restored login was refused by WhatsApp, and that was reported. */
    private volatile boolean restoreRefused;
    /** The session became READY: interrupted sends are settled and missed messages looked for, once. */
    private volatile boolean readyWorkDue;
    /** A message could not be recorded (journal full): look for missed messages again when there is room. */
    private long backfillRetryAt = Long.MAX_VALUE;
    /** Healing gave up ({@code FAILED}): the browser stays closed until the operator restarts the account. */
    private volatile boolean healFailed;
    /** A heal step is recording its own incident: the status change it causes must not record another. */
    private boolean healing;
    /** Page deadlines missed in a row (one can be a busy host; two is a blocked page). */
    private int missedDeadlines;
    /** The owner thread is inside an evaluate in the page, since {@link #callStartedNanos} (read by the watchdog). */
    private volatile boolean inPageCall;

    private volatile long callStartedNanos;
    /** Set by the watchdog when it killed the browser of a hung page; the owner reports it as the heal step. */
    private volatile String killedHung;

    AccountSession(
            UUID account,
            Long epoch,
            Instant restoredFrom,
            String name,
            Path profile,
            SessionContext context,
            StatusTracker.Observer observer,
            Lifecycle lifecycle) {
        this.account = account;
        this.epoch = epoch;
        this.restoredFrom = restoredFrom;
        this.lifecycle = lifecycle;
        this.maxStartAttempts = context.maxStartAttempts();
        this.name = name;
        this.profile = profile;
        this.engine = context.engine();
        this.scripts = context.scripts();
        this.url = context.url();
        this.launchGate = context.launchGate();
        this.metrics = context.metrics();
        this.events = context.events();
        this.mediaMaxBytes = context.mediaMaxBytes();
        this.captureLog = context.captureLog();
        this.sends = context.sends();
        this.clock = context.clock();
        this.identities = new Identities(clock);
        this.healthSettings = context.health();
        this.health = new HealthWatch(healthSettings, clock);
        this.tracker = new StatusTracker(
                new StatusTracker.Observer() {
                    @Override
                    public void statusChanged(AccountStatus newStatus, String newReason, String newPhone) {
                        if (status == AccountStatus.READY && newStatus != AccountStatus.READY && !healing) {
                            // Evidence: what the page showed as the account left READY.
                            incident(status, newStatus, newReason, null, null);
                        }
                        health.status(newStatus);
                        if (newStatus == AccountStatus.READY && status != AccountStatus.READY) {
                            readyWorkDue = true;
                            everReady = true;
                            if (sawQr) {
                                sawQr = false;
                                lifecycle.linked();
                            }
                        }
                        if (restoredFrom != null
                                && !everReady
                                && !restoreRefused
                                && (newStatus == AccountStatus.QR || newStatus == AccountStatus.LOGGED_OUT)) {
                            // The login came from a backup (another worker had the account) and WhatsApp no
                            // longer takes it: say so once, plainly, before the linking screen.
                            restoreRefused = true;
                            status = AccountStatus.LOGGED_OUT;
                            reason = "the login restored from the backup of " + restoredFrom + " is no longer "
                                    + "accepted by WhatsApp (unlinked on the phone, or unused for too long); link "
                                    + "the account again with the QR code";
                            phone = null;
                            observer.statusChanged(status, reason, null);
                            if (newStatus == AccountStatus.LOGGED_OUT) {
                                return;
                            }
                        }
                        if (newStatus == AccountStatus.QR) {
                            sawQr = true;
                        }
                        status = newStatus;
                        reason = newReason;
                        phone = newPhone;
                        observer.statusChanged(newStatus, newReason, newPhone);
                    }

                    @Override
                    public void qrChanged(String qr) {
                        observer.qrChanged(qr);
                    }
                },
                context.qrMaxBatches(),
                context.takeoverOnConflict());
        this.thread = new Thread(this::run, "session-" + account.toString().substring(0, 8));
    }

    UUID account() {
        return account;
    }

    AccountStatus status() {
        return status;
    }

    /** The status with its reason, phone and health, for the heartbeat. */
    WorkerHeartbeat.HeldSession held() {
        AccountStatus current = status;
        return new WorkerHeartbeat.HeldSession(
                account, current, reason, phone, epoch, webVersion, waJsVersion, health.snapshot(current));
    }

    /** The session's liveness, for metrics. */
    HealthWatch health() {
        return health;
    }

    Long epoch() {
        return epoch;
    }

    /** Whether the owner thread has finished (stopped, or gave up). */
    boolean ended() {
        return stopped.isDone();
    }

    /** Whether the profile holds a WhatsApp login worth backing up: the session was READY and is not unlinked. */
    boolean linked() {
        return everReady && status != AccountStatus.LOGGED_OUT && status != AccountStatus.QR;
    }

    /** What the session tells its owner beyond statuses. */
    interface Lifecycle {
        /** The account was just linked (READY after a QR code or pairing code). */
        void linked();

        /** The browser could not be opened {@code maxStartAttempts} times in a row: the session has ended. */
        void gaveUp(String why);
    }

    void start() {
        thread.start();
    }

    /** Closes the browser (the profile stays on disk); completes when the owner thread has finished. */
    CompletableFuture<Void> stop() {
        stopping = true;
        inbox.offer(() -> {});
        return stopped;
    }

    /** Runs {@code work} on the owner thread with the page, when the session is in one of {@code allowed}. */
    <T> CompletableFuture<T> submit(Set<AccountStatus> allowed, String notAllowedCode, Function<BrowserPage, T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (stopping) {
            result.completeExceptionally(new SessionFailure("SESSION_NOT_FOUND", "the session is stopping"));
            return result;
        }
        inbox.offer(() -> {
            if (page == null || !allowed.contains(status)) {
                result.completeExceptionally(new SessionFailure(
                        notAllowedCode, "the session is " + status + (page == null ? " without a browser" : "")));
                return;
            }
            try {
                result.complete(work.apply(page));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** A send was interrupted: settle it (and look for missed messages) as soon as the session is READY. */
    void settleSoon() {
        readyWorkDue = true;
    }

    /** Closes and reopens the browser from the same profile; also how an account healing gave up on starts again. */
    void restart() {
        inbox.offer(() -> {
            log.info("Restarting the browser of account {}", account);
            healFailed = false;
            health.reset();
            healing = true; // asked for by the operator: not an incident
            try {
                tracker.onTrouble("restarting the browser");
            } finally {
                healing = false;
            }
            closePage();
            nextLaunchAt = 0;
        });
    }

    private long nextLaunchAt;

    private void run() {
        MDC.put("account_id", account.toString());
        String gaveUp = null;
        try {
            while (!stopping) {
                if (!everOpened && failedStarts >= maxStartAttempts) {
                    gaveUp = "could not open WhatsApp Web " + failedStarts + " times: " + lastLaunchError;
                    break;
                }
                if (page == null && !healFailed && clock.millis() >= nextLaunchAt) {
                    launch();
                    continue;
                }
                Runnable task = page == null ? inbox.poll(200, TimeUnit.MILLISECONDS) : inbox.poll();
                if (task != null) {
                    task.run();
                    continue;
                }
                if (page != null) {
                    tick();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            log.error("Session of account {} ended unexpectedly", account, e);
        } finally {
            closePage();
            stopping = true;
            failPending();
            stopped.complete(null);
            if (gaveUp != null) {
                lifecycle.gaveUp(gaveUp);
            }
        }
    }

    private String lastLaunchError = "";

    private void launch() throws InterruptedException {
        // Staggered starts: a host opening many Chromiums at once starves all of them.
        launchGate.acquire();
        try {
            if (stopping) {
                return;
            }
            log.info("Opening WhatsApp Web for account {} ({})", account, url);
            page = new WatchedPage(engine.open(
                    profile,
                    new PageSetup(
                            url,
                            scripts.forAccount(name),
                            PageScripts.BINDING,
                            batch -> pageEvents.addAll(PageEvent.parseBatch(batch)))));
            backoffMs = 1_000;
            everOpened = true;
            health.pageOpened();
            missedDeadlines = 0;
            killedHung = null; // a hang that killed the launch itself: the new browser is what counts now
            drainEvents();
        } catch (RuntimeException e) {
            long retryIn = backoffMs;
            nextLaunchAt = clock.millis() + retryIn;
            backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
            closePage();
            failedStarts++;
            lastLaunchError = firstLine(e.getMessage());
            String why = "cannot open WhatsApp Web: " + lastLaunchError;
            log.warn("Account {}: {}; retrying in {} s", account, why, retryIn / 1000);
            tracker.onFailure(why);
            // Counted once the failure is handled, the next attempt scheduled.
            metrics.launchFailures.increment();
        } finally {
            launchGate.release();
        }
    }

    private void tick() {
        try {
            page.pump(PUMP);
            drainEvents();
            if (killedHung != null && (page.browserGone() || page.crashed())) {
                String why = killedHung;
                killedHung = null;
                heal(health.unresponsive(why), false);
                return;
            }
            if (page.browserGone()) {
                metrics.browserRelaunches.increment();
                log.warn("The browser of account {} went away; relaunching it", account);
                crashHealed(HealthWatch.BROWSER_EXITED, "relaunch", "the browser exited; relaunching it");
                closePage();
                nextLaunchAt = 0;
                return;
            }
            if (page.crashed()) {
                metrics.pageCrashes.increment();
                log.warn("The page of account {} crashed; opening a new one", account);
                crashHealed(HealthWatch.RENDERER_CRASHED, "reload", "the page crashed; opening a new one");
                page.replacePage();
                drainEvents();
                return;
            }
            if (clock.millis() >= nextProbe) {
                // Only a READY page is held to the deadline: one that is loading or syncing may keep its main thread
                // busy for long (a first sync of a large account), and relaunching it would start that over. A page
                // that hangs before READY holds the probe's call instead, which the watchdog ends.
                if (status == AccountStatus.READY && !page.answers(healthSettings.pageDeadline())) {
                    missedDeadlines++;
                    log.warn(
                            "Account {}: the page did not answer within {} s ({} in a row)",
                            account,
                            healthSettings.pageDeadline().toSeconds(),
                            missedDeadlines);
                    if (missedDeadlines >= 2) {
                        missedDeadlines = 0;
                        heal(health.unresponsive(), false);
                    }
                    return;
                }
                missedDeadlines = 0;
                probe();
                Optional<HealthWatch.Stall> overdue = health.healOverdue(status, stuckConnecting());
                if (overdue.isPresent()) {
                    heal(overdue.get(), true);
                    return;
                }
                if (watchHealth()) {
                    return;
                }
            }
            if (status == AccountStatus.READY && (readyWorkDue || clock.millis() >= backfillRetryAt)) {
                readyWorkDue = false;
                backfillRetryAt = Long.MAX_VALUE;
                try {
                    settleInterruptedSends();
                    backfill();
                } catch (RuntimeException e) {
                    if (PageCalls.isNavigation(e)) {
                        throw e;
                    }
                    log.warn(
                            "Account {}: looking for missed messages failed ({}); trying again shortly",
                            account,
                            firstLine(e.getMessage()));
                    backfillRetryAt = clock.millis() + BACKFILL_RETRY_MS;
                }
            }
        } catch (RuntimeException e) {
            if (killedHung != null) {
                String why = killedHung;
                killedHung = null;
                heal(health.unresponsive(why), false);
                return;
            }
            if (PageCalls.isNavigation(e)) {
                return; // the page is reloading itself; events will follow
            }
            if (page != null && (page.browserGone() || page.crashed())) {
                return; // handled on the next tick
            }
            log.warn("Account {}: page error: {}; relaunching the browser", account, firstLine(e.getMessage()));
            metrics.browserRelaunches.increment();
            crashHealed(
                    HealthWatch.PAGE_ERROR,
                    "relaunch",
                    "the page failed (" + firstLine(e.getMessage()) + "); relaunching the browser");
            closePage();
            nextLaunchAt = clock.millis() + backoffMs;
        }
    }

    private void drainEvents() {
        PageEvent event;
        while ((event = pageEvents.poll()) != null) {
            health.event(fromServer(event));
            if ("health.round_trip".equals(event.type())) {
                long id = event.data().path("id").asLong();
                boolean ok = event.data().path("ok").asBoolean(false);
                if (!ok) {
                    log.debug(
                            "Account {}: the health round trip failed: {}",
                            account,
                            event.data().path("error"));
                }
                health.roundTripAnswered(id, ok);
                continue;
            }
            if ("chat.new_message".equals(event.type())) {
                capture(event.data());
                continue;
            }
            if ("chat.msg_ack_change".equals(event.type())) {
                Messages.ack(event.data()).ifPresent(acks -> events.acksChanged(account, acks));
                continue;
            }
            if (changeOfMessage(event)) {
                continue;
            }
            List<StatusTracker.Action> actions = tracker.onEvent(event);
            for (StatusTracker.Action action : actions) {
                act(action);
            }
        }
    }

    /**
     * Reactions, edits and deletions, reported with the person who made them named as in messages. They are
     * recorded in the journal like messages, but WhatsApp Web keeps no history of them to look through after a
     * restart: one the journal could not take is counted as dropped.
     */
    private boolean changeOfMessage(PageEvent event) {
        long now = clock.instant().getEpochSecond();
        boolean recorded;
        switch (event.type()) {
            case "chat.new_reaction" -> {
                MessageReacted reaction = Messages.reaction(event.data(), now).orElse(null);
                if (reaction == null) {
                    return true;
                }
                Identities.Person who = person(reaction.from());
                recorded = events.messageReacted(
                        account,
                        new MessageReacted(
                                reaction.reactionId(),
                                reaction.messageId(),
                                reaction.chat(),
                                who.jid(),
                                who.lid(),
                                reaction.fromMe(),
                                reaction.emoji(),
                                reaction.timestamp()));
            }
            case "chat.msg_edited" -> {
                MessageEdited edit = Messages.edit(event.data(), now).orElse(null);
                if (edit == null) {
                    return true;
                }
                Identities.Person who = person(edit.from());
                recorded = events.messageEdited(
                        account,
                        new MessageEdited(
                                edit.messageId(),
                                edit.editId(),
                                edit.chat(),
                                who.jid(),
                                who.lid(),
                                edit.fromMe(),
                                edit.text(),
                                edit.timestamp()));
            }
            case "chat.msg_revoke" -> {
                MessageRevoked revoke = Messages.revoke(event.data(), now).orElse(null);
                if (revoke == null) {
                    return true;
                }
                Identities.Person who = person(revoke.from());
                recorded = events.messageRevoked(
                        account,
                        new MessageRevoked(
                                revoke.messageId(),
                                revoke.revokeId(),
                                revoke.chat(),
                                who.jid(),
                                who.lid(),
                                revoke.fromMe(),
                                revoke.kind(),
                                revoke.timestamp()));
            }
            default -> {
                return false;
            }
        }
        if (!recorded) {
            metrics.droppedChanges.increment();
            log.warn("Account {}: the journal is full; a {} event is dropped", account, event.type());
        }
        return true;
    }

    /** The person a wid names, phone number first (a group or unknown id stays as it is). */
    private Identities.Person person(String wid) {
        if (wid == null) {
            return new Identities.Person(null, null, null);
        }
        try {
            return identities.resolve(page, List.of(wid)).getOrDefault(wid, Identities.Person.of(wid));
        } catch (RuntimeException e) {
            // the page is reloading: the change is reported with the id the page gave
            return Identities.Person.of(wid);
        }
    }

    /** The message with from, to and author as phone JIDs where known, and their LIDs beside them. */
    private MessageCaptured withIdentities(MessageCaptured m) {
        List<String> wids = new ArrayList<>(3);
        for (String wid : new String[] {m.from(), m.to(), m.author()}) {
            if (wid != null) {
                wids.add(wid);
            }
        }
        Map<String, Identities.Person> people;
        try {
            people = identities.resolve(page, wids);
        } catch (RuntimeException e) {
            // the page is reloading: the ids stay as the page gave them
            people = Map.of();
        }
        Identities.Person from = people.getOrDefault(m.from(), Identities.Person.of(m.from()));
        Identities.Person to = people.getOrDefault(m.to(), Identities.Person.of(m.to()));
        Identities.Person author = people.getOrDefault(m.author(), Identities.Person.of(m.author()));
        return m.withIdentities(from.jid(), from.lid(), to.jid(), to.lid(), author.jid(), author.lid());
    }

    /**
     * Reports a message once (WhatsApp re-emits a message after decrypting it, and after reconnects), with its
     * media downloaded in the page. A message already confirmed or waiting in the journal is not reported again;
     * one the journal cannot take now is left for a later backfill. True when it was recorded now.
     */
    private boolean capture(JsonNode data) {
        MessageCaptured read = Messages.read(data).orElse(null);
        if (read == null
                || seenMessages.containsKey(read.messageId())
                || captureLog.captured(account, read.messageId())) {
            return false;
        }
        MessageCaptured message = withIdentities(read);
        if (Messages.hasMedia(data) && page != null) {
            MessageCaptured.Media media;
            try {
                media = Messages.download(page, data, mediaMaxBytes);
            } catch (RuntimeException e) {
                if (PageCalls.isNavigation(e)) {
                    throw e; // the page went away mid-download: the message stays in WhatsApp Web for the backfill
                }
                log.warn(
                        "Account {}: downloading the media of {} failed: {}",
                        account,
                        read.messageId(),
                        firstLine(e.getMessage()));
                media = new MessageCaptured.Media(null, null, null, null, null, "download_failed");
            }
            message = message.withMedia(media);
        }
        if (!events.messageCaptured(account, message)) {
            backfillRetryAt = Math.min(backfillRetryAt, clock.millis() + BACKFILL_RETRY_MS);
            return false;
        }
        seenMessages.put(message.messageId(), Boolean.TRUE);
        return true;
    }

    /**
     * Reports the messages WhatsApp Web received that were never captured: ones that arrived while the worker was
     * down or between WhatsApp's receipt and the journal (kill -9), or while the journal was full. Looks from the
     * capture cursor (minus a slack) on; the first time an account is READY its cursor starts now (its history
     * is not reported).
     */
    private void backfill() {
        OptionalLong since = captureLog.backfillSince(account);
        if (since.isEmpty()) {
            captureLog.startCursor(account, clock.instant().getEpochSecond());
            return;
        }
        if (!captureLog.hasRoom()) {
            backfillRetryAt = clock.millis() + BACKFILL_RETRY_MS;
            return;
        }
        int reported = 0;
        for (JsonNode message : Messages.since(page, since.getAsLong())) {
            if (capture(message)) {
                reported++;
            }
        }
        if (reported > 0) {
            metrics.backfilledMessages.increment(reported);
            log.info(
                    "Account {}: {} message(s) WhatsApp Web had received but the worker had not captured are "
                            + "reported now",
                    account,
                    reported);
        }
    }

    /** Sends a crash interrupted: WhatsApp Web shows whether each went out; the answer is reported once. */
    private void settleInterruptedSends() {
        for (SendLedger.StartedSend started : sends.unfinished(account)) {
            SendResult result = Sending.settleInterrupted(page, started.to(), started.keyId())
                    .forCommand(started.commandId());
            sends.finish(started.commandId(), result);
            events.sendFinished(account, result);
            log.info(
                    "Account {}: a send interrupted by a restart (command {}) {}",
                    account,
                    started.commandId(),
                    result.ok() ? "had gone out" : "had not gone out; it is not sent again");
        }
    }

    /** Whether a page event can only have come from WhatsApp's servers (not from this page itself). */
    private static boolean fromServer(PageEvent event) {
        return switch (event.type()) {
            case "chat.msg_ack_change", "chat.new_reaction", "chat.msg_edited", "chat.msg_revoke" -> true;
            case "chat.new_message" -> !event.data().path("from_me").asBoolean(false);
            default -> false;
        };
    }

    /**
     * Session health, after each probe of a READY page: asks the servers a light question when they have been
     * quiet for a while, and heals a stall. True when a heal step replaced or closed the page.
     */
    private boolean watchHealth() {
        if (status != AccountStatus.READY) {
            return false;
        }
        Optional<HealthWatch.Stall> stall = health.silentStall();
        if (stall.isPresent()) {
            heal(stall.get(), true);
            return true;
        }
        if (health.roundTripDue()) {
            long id = health.roundTripStarted();
            if (!PageCalls.startRoundTrip(page, id)) {
                health.roundTripAnswered(id, false);
            }
        }
        return false;
    }

    /**
     * One step of the heal ladder for a stall: reload the page, relaunch the browser, or give up ({@code FAILED})
     * after {@code SESSION_HEAL_ATTEMPTS} steps within an hour. Each step is logged, counted by signal, and
     * recorded as an incident with a screenshot of the page as it was. The profile, and with it the login, is
     * never touched.
     */
    private void heal(HealthWatch.Stall stall, boolean pageAnswers) {
        HealthWatch.Step step = health.nextStep(stall);
        metrics.heal(stall.signal(), step.label);
        AccountStatus from = status;
        Shot shot = screenshot(pageAnswers);
        healing = true;
        try {
            switch (step) {
                case RELOAD -> {
                    log.warn("Account {} is stalled: {}; reloading the page", account, stall.description());
                    tracker.onTrouble("stalled (" + stall.description() + "); reloading the page");
                    publishIncident(from, status, reason, step.label, stall.signal(), shot);
                    page.reload();
                }
                case RELAUNCH -> {
                    log.warn("Account {} is stalled: {}; relaunching the browser", account, stall.description());
                    tracker.onTrouble("stalled (" + stall.description() + "); relaunching the browser");
                    publishIncident(from, status, reason, step.label, stall.signal(), shot);
                    closePage();
                    nextLaunchAt = 0;
                }
                case GIVE_UP -> {
                    String why = "stalled again after " + healthSettings.healAttempts()
                            + " heal steps within an hour (" + stall.description()
                            + "); restart the account to try again";
                    log.error("Account {}: {}; giving up: the browser is closed", account, why);
                    closePage();
                    healFailed = true;
                    tracker.onFailure(why);
                    publishIncident(from, status, reason, step.label, stall.signal(), shot);
                }
            }
        } finally {
            healing = false;
        }
    }

    /**
     * Still on the way back after a heal step: loading, syncing, or disconnected by the heal itself (not by WhatsApp
     * Web reconnecting on its own, which a relaunch would not help).
     */
    private boolean stuckConnecting() {
        AccountStatus current = status;
        return current == AccountStatus.INIT
                || current == AccountStatus.AUTH
                || (current == AccountStatus.DISCONNECTED && reason != null && reason.startsWith("stalled ("));
    }

    /**
     * The watchdog's check (another thread): the owner thread has been inside one evaluate in the page for longer
     * than {@code stuckAfter} (a page frozen in the middle of a call, which Playwright would wait for forever).
     * Waiting for a launch, a launch itself (Playwright times it), or many calls in a row (a long backfill) never
     * count. The browser is told to quit, then killed, so the call fails and the owner relaunches the browser as a
     * heal step.
     */
    void killIfHung(Duration stuckAfter) {
        if (stopping || !inPageCall || killedHung != null) {
            return;
        }
        long stuckNanos = System.nanoTime() - callStartedNanos;
        if (stuckNanos < stuckAfter.toNanos()) {
            return;
        }
        String why = "a call into the page did not return for "
                + Duration.ofNanos(stuckNanos).toSeconds() + " s (the page hung in the middle of it)";
        // Said before the browser goes, so the owner, woken by the failing call, reads it as this heal step.
        killedHung = why;
        if (BrowserProcesses.stop(profile, BROWSER_QUIT_GRACE) > 0) {
            log.warn("Account {}: {}; the browser was stopped to relaunch it", account, why);
        } else {
            killedHung = null;
        }
    }

    /** How long a browser told to quit (SIGTERM, which lets Chromium write its profile) has before it is killed. */
    private static final Duration BROWSER_QUIT_GRACE = Duration.ofSeconds(5);

    /** The page as the owner uses it: each evaluate is timed for the watchdog; everything else as it is. */
    private final class WatchedPage implements BrowserPage {

        private final BrowserPage page;

        WatchedPage(BrowserPage page) {
            this.page = page;
        }

        @Override
        public Object evaluate(String function, Object argument) {
            callStartedNanos = System.nanoTime();
            inPageCall = true;
            try {
                return page.evaluate(function, argument);
            } finally {
                inPageCall = false;
            }
        }

        @Override
        public byte[] screenshot(String format, Integer quality) {
            return page.screenshot(format, quality);
        }

        @Override
        public void pump(Duration duration) {
            page.pump(duration);
        }

        @Override
        public boolean crashed() {
            return page.crashed();
        }

        @Override
        public boolean browserGone() {
            return page.browserGone();
        }

        @Override
        public void replacePage() {
            page.replacePage();
        }

        @Override
        public boolean answers(Duration deadline) {
            return page.answers(deadline);
        }

        @Override
        public void reload() {
            page.reload();
        }

        @Override
        public void close() {
            page.close();
        }
    }

    /** The browser or its renderer went away and is being replaced: counted as a heal, and an incident. */
    private void crashHealed(String signal, String step, String what) {
        metrics.heal(signal, step);
        health.crashHealed();
        AccountStatus from = status;
        healing = true;
        try {
            tracker.onTrouble(what);
        } finally {
            healing = false;
        }
        publishIncident(from, status, reason, step, signal, new Shot(null, "the page was gone"));
    }

    /** A screenshot for an incident, or why there is none. */
    private record Shot(byte[] png, String note) {}

    private Shot screenshot(boolean pageAnswers) {
        if (page == null) {
            return new Shot(null, "no browser was open");
        }
        if (!pageAnswers) {
            return new Shot(null, "the page did not answer (its main thread was blocked)");
        }
        try {
            return new Shot(page.screenshot("png", null), null);
        } catch (RuntimeException e) {
            return new Shot(null, "the screenshot failed: " + firstLine(e.getMessage()));
        }
    }

    /** The session left READY on its own (offline, logged out, conflict…): an incident with the page as it was. */
    private void incident(AccountStatus from, AccountStatus to, String why, String step, String signal) {
        publishIncident(from, to, why, step, signal, screenshot(true));
    }

    private void publishIncident(
            AccountStatus from, AccountStatus to, String why, String step, String signal, Shot shot) {
        AccountIncident incident = new AccountIncident(
                UUID.randomUUID(),
                clock.instant(),
                from,
                to,
                why,
                step,
                signal,
                null,
                shot.png() == null ? null : Base64.getEncoder().encodeToString(shot.png()),
                shot.note());
        if (!events.incident(account, incident)) {
            log.warn("Account {}: the journal is full; an incident ({} -> {}) is not recorded", account, from, to);
        }
    }

    private void act(StatusTracker.Action action) {
        switch (action) {
            case PROBE -> nextProbe = 0;
            case REFRESH_QR -> {
                log.info("The QR code of account {} expired; asking for a new one", account);
                Linking.refreshQr(page);
            }
            case TAKEOVER -> {
                log.info("Account {} was opened elsewhere; taking the session back", account);
                Linking.takeover(page);
            }
        }
    }

    private void probe() {
        nextProbe = clock.millis() + PROBE_EVERY_MS;
        Probe probe = PageCalls.probe(page);
        if (probe.ready()) {
            noteVersions(probe.webVersion(), probe.waJsVersion());
            health.serverContactAt(probe.serverContactAt());
        }
        tracker.onProbe(probe);
        drainEvents();
    }

    /** Which WhatsApp Web build and wa-js the page runs: logged when they change, reported with every status. */
    private void noteVersions(String web, String waJs) {
        if ((web == null && waJs == null) || (Objects.equals(web, webVersion) && Objects.equals(waJs, waJsVersion))) {
            return;
        }
        webVersion = web;
        waJsVersion = waJs;
        log.info("Account {} runs WhatsApp Web {} with wa-js {}", account, web, waJs);
    }

    String webVersion() {
        return webVersion;
    }

    String waJsVersion() {
        return waJsVersion;
    }

    private void closePage() {
        if (page != null) {
            try {
                page.close();
            } catch (RuntimeException e) {
                log.debug("Closing the browser of account {}: {}", account, e.getMessage());
            }
            page = null;
        }
        pageEvents.clear();
    }

    private void failPending() {
        Runnable task;
        while ((task = inbox.poll()) != null) {
            task.run(); // page is null: submitted work completes with SESSION_NOT_FOUND-like failures
        }
    }

    /** Playwright errors read "Error {\n  message='...'": keep the message line itself. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int inner = message.indexOf("message='");
        String text = inner >= 0 ? message.substring(inner + "message='".length()) : message;
        String line = text.strip().lines().findFirst().orElse(text);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** What every session of this worker shares. */
    record SessionContext(
            BrowserEngine engine,
            PageScripts scripts,
            String url,
            Semaphore launchGate,
            SessionMetrics metrics,
            int qrMaxBatches,
            boolean takeoverOnConflict,
            SessionEvents events,
            long mediaMaxBytes,
            CaptureLog captureLog,
            SendLedger sends,
            Clock clock,
            int maxStartAttempts,
            HealthSettings health) {}
}
