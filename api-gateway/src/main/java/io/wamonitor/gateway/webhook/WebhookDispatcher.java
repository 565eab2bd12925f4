package io.wamonitor.gateway.webhook;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.wamonitor.gateway.account.AccountService;
import io.wamonitor.gateway.account.WebhookTarget;
import io.wamonitor.gateway.mongo.Leases;
import io.wamonitor.gateway.security.GuardedHttpClients;
import io.wamonitor.gateway.security.OutboundGuard;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends recorded deliveries. Per account one delivery is in flight at a time, oldest first, so receivers get
 * an account's events in order; accounts proceed independently and take turns ({@code WEBHOOK_CONCURRENCY}
 * senders, an account hands its sender back after a run of deliveries), and a circuit breaker per receiver host
 * keeps a dead receiver from tying up the senders of the others. A receiver's permanent refusal (a 4xx other than
 * 408, 425 and 429) fails that delivery at once, so the account's later events go on; anything else is retried
 * with backoff until {@code WEBHOOK_RETRY_HORIZON}. Consuming events never waits for any of this.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration OPEN_CIRCUIT_RECHECK = Duration.ofSeconds(5);
    /** How much of a refusing receiver's answer is kept with the failed delivery. */
    private static final int ANSWER_KEPT = 300;
    /** 4xx answers that mean "not now" rather than "never": retried like a 5xx. */
    private static final Set<Integer> RETRYABLE_4XX = Set.of(408, 425, 429);
    /** A busy account hands its sender back after this many deliveries in a row, so others get their turn. */
    private static final int DRAIN_LIMIT = 20;
    /**
     * How long an instance holds an account's webhooks per attempt (renewed before each): beyond what one attempt
     * can take (connect and answer, each {@code WEBHOOK_TIMEOUT}), so a live sender does not lose it mid-attempt,
     * and short, so a crashed instance's accounts are sent by another within seconds (15 s by default).
     */
    private final Duration leaseTtl;

    private final DeliveryStore store;
    private final AccountService accounts;
    private final WebhookSettings settings;
    private final Clock clock;
    private final CloseableHttpClient http;
    private final CircuitBreakerRegistry breakers;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private ExecutorService senders;
    private volatile boolean running;
    private volatile boolean databaseAway;

    private final OutboundGuard guard;

    private final WebhookMetrics metrics;
    private final Leases leases;

    WebhookDispatcher(
            DeliveryStore store,
            AccountService accounts,
            WebhookSettings settings,
            Clock clock,
            OutboundGuard guard,
            WebhookMetrics metrics,
            Leases leases) {
        this.leases = leases;
        this.leaseTtl = Collections.max(
                List.of(Duration.ofSeconds(15), settings.timeout().multipliedBy(3)));
        this.guard = guard;
        this.metrics = metrics;
        this.store = store;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
        // Redirects are not followed: a receiver must answer itself (and a redirect could point anywhere).
        // The connection goes to the address the guard approved when connecting (no DNS-rebinding window).
        this.http = GuardedHttpClients.create(guard, settings.timeout(), settings.timeout(), settings.concurrency());
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(Exception.class)
                .build());
        metrics.bind(breakers);
    }

    /**
     * Wakes a sender for every account with a delivery due: the accounts are found first (not the oldest
     * deliveries overall), so one account's backlog of thousands never hides another account's single event.
     */
    @Scheduled(fixedDelayString = "${wamonitor.webhook.poll-interval:250ms}")
    void dispatch() {
        if (!running) {
            return;
        }
        List<String> due;
        try {
            due = store.accountsWithDueDeliveries(clock.instant());
            if (databaseAway) {
                databaseAway = false;
                log.info("MongoDB answers again; webhook deliveries resume");
            }
        } catch (DataAccessException e) {
            if (!databaseAway) {
                databaseAway = true;
                log.warn("Webhook deliveries wait: MongoDB does not answer ({})", e.getMessage());
            }
            return;
        }
        due.forEach(this::wake);
    }

    /**
     * Sends the account's due deliveries now unless a sender is already on them: called for each new event, so
     * a webhook does not wait for the next poll; the poll remains for retries and anything missed.
     */
    void wake(String account) {
        if (!running || !inFlight.add(account)) {
            return;
        }
        try {
            senders.execute(() -> {
                try {
                    drain(account);
                } finally {
                    inFlight.remove(account);
                }
            });
        } catch (RejectedExecutionException stopping) {
            inFlight.remove(account);
        }
    }

    /**
     * Sends the account's due deliveries, oldest first, while the receiver takes them: a busy account is
     * drained at the receiver's pace instead of one delivery per poll, up to {@link #DRAIN_LIMIT} in a row.
     * The next delivery is always read afresh (never from the poll's list), so nothing is sent twice. Several
     * gateway instances share the work: an account's deliveries are sent by the instance that holds its lease
     * (renewed before each attempt), so each event goes out once and in order.
     */
    private void drain(String account) {
        String lease = "webhook:" + account;
        try {
            for (int sent = 0; sent < DRAIN_LIMIT && running; sent++) {
                if (!leases.hold(lease, leaseTtl)) {
                    return; // another gateway instance is sending this account's webhooks
                }
                Delivery next = store.oldestPending(account)
                        .filter(d -> !d.nextAttemptAt().isAfter(clock.instant()))
                        .orElse(null);
                if (next == null || !attempt(next)) {
                    return;
                }
            }
        } catch (DataAccessException e) {
            // MongoDB is away: the deliveries stay pending, and the poll notices when it is back.
            log.debug("Webhook deliveries of account {} wait for MongoDB: {}", account, e.getMessage());
        } finally {
            try {
                leases.release(lease);
            } catch (DataAccessException e) {
                log.debug("The webhook lease of account {} expires by itself: {}", account, e.getMessage());
            }
        }
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void purge() {
        long purged = store.purgeFinishedBefore(clock.instant().minus(settings.retention()));
        if (purged > 0) {
            log.info("Purged {} webhook delivery records older than {}", purged, settings.retention());
        }
        forgetUnusedReceivers();
    }

    /**
     * Drops the circuit breakers (and with them their metric series) of receivers no account points at any more,
     * once they are closed: webhook URLs change, and the series must not pile up.
     */
    void forgetUnusedReceivers() {
        Set<String> inUse = new HashSet<>();
        for (var account : accounts.list()) {
            if (account.webhookUrl() != null) {
                inUse.add(receiverOf(URI.create(account.webhookUrl())));
            }
        }
        breakers.getAllCircuitBreakers().stream()
                .filter(b -> !inUse.contains(b.getName()) && b.getState() == CircuitBreaker.State.CLOSED)
                .map(CircuitBreaker::getName)
                .toList()
                .forEach(breakers::remove);
    }

    private static String receiverOf(URI uri) {
        return uri.getHost() + ":" + OutboundGuard.portOf(uri);
    }

    /** One attempt; true when the receiver took it. */
    private boolean attempt(Delivery delivery) {
        Instant started = clock.instant();
        WebhookTarget target = accounts.webhookTarget(delivery.accountId()).orElse(null);
        if (target == null) {
            store.failedAttempt(delivery.id(), null, "the account was deleted", 0, started, true, started);
            return false;
        }
        URI uri = URI.create(delivery.url());
        try {
            guard.check(uri);
        } catch (OutboundGuard.UnresolvableHostException unresolvable) {
            unresolvable(delivery, delivery.attempts() + 1, unresolvable);
            return false;
        } catch (OutboundGuard.BlockedUrlException blocked) {
            // Checked at every delivery: the host may have started resolving somewhere private since it was set.
            refuse(delivery, blocked, started);
            return false;
        }
        // One breaker per receiver (host and port): one dead receiver must not block another on the same host.
        String receiver = receiverOf(uri);
        CircuitBreaker breaker = breakers.circuitBreaker(receiver);
        if (!breaker.tryAcquirePermission()) {
            store.postpone(
                    delivery.id(),
                    started.plus(OPEN_CIRCUIT_RECHECK),
                    "the receiver " + receiver + " keeps failing; waiting before trying it again",
                    started);
            metrics.attempt(WebhookMetrics.Outcome.CIRCUIT_OPEN, 0);
            return false;
        }
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        int attempt = delivery.attempts() + 1;
        long start = System.nanoTime();
        try {
            HttpPost request = new HttpPost(uri);
            request.setHeader("User-Agent", "wa-monitor-webhooks/1.0");
            request.setHeader("X-Webhook-Id", delivery.id());
            request.setHeader("X-Webhook-Event", delivery.event());
            request.setHeader("X-Webhook-Attempt", String.valueOf(attempt));
            request.setHeader("X-Webhook-Signature", WebhookSigner.signature(target.secret(), body));
            request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
            Answer answer = http.execute(
                    request, response -> new Answer(response.getCode(), answerStart(response.getEntity())));
            int statusCode = answer.status();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (statusCode / 100 == 2) {
                breaker.onSuccess(millis, TimeUnit.MILLISECONDS);
                Instant now = clock.instant();
                store.delivered(delivery.id(), statusCode, millis, now);
                metrics.attempt(WebhookMetrics.Outcome.DELIVERED, millis);
                metrics.delivered(Duration.between(delivery.createdAt(), now));
                return true;
            } else if (statusCode / 100 == 4 && !RETRYABLE_4XX.contains(statusCode)) {
                // The receiver is up and answered; it refuses this one event. Not a sign it is down.
                breaker.onSuccess(millis, TimeUnit.MILLISECONDS);
                metrics.attempt(WebhookMetrics.Outcome.REFUSED, millis);
                metrics.gaveUp();
                Instant now = clock.instant();
                store.failedAttempt(
                        delivery.id(),
                        statusCode,
                        "HTTP " + statusCode + " (refused for good, not " + "retried)"
                                + (answer.start().isEmpty() ? "" : ": " + answer.start()),
                        millis,
                        now,
                        true,
                        now);
                log.warn(
                        "Webhook {} for account {} was refused by the receiver with HTTP {}; the account's later "
                                + "events go on",
                        delivery.id(),
                        delivery.accountId(),
                        statusCode);
                return true;
            } else {
                breaker.onError(millis, TimeUnit.MILLISECONDS, new IllegalStateException("HTTP " + statusCode));
                metrics.attempt(WebhookMetrics.Outcome.HTTP_ERROR, millis);
                failed(
                        delivery,
                        attempt,
                        statusCode,
                        "HTTP " + statusCode + (answer.start().isEmpty() ? "" : ": " + answer.start()),
                        millis);
            }
        } catch (OutboundGuard.UnresolvableHostException unresolvable) {
            breaker.releasePermission();
            unresolvable(delivery, attempt, unresolvable);
        } catch (OutboundGuard.BlockedUrlException blocked) {
            // The name resolved somewhere private between the check above and the connection (DNS rebinding).
            breaker.releasePermission();
            refuse(delivery, blocked, started);
        } catch (IOException | RuntimeException e) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            breaker.onError(millis, TimeUnit.MILLISECONDS, e);
            metrics.attempt(WebhookMetrics.Outcome.CONNECTION_ERROR, millis);
            failed(
                    delivery,
                    attempt,
                    null,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    millis);
        }
        return false;
    }

    /** Perhaps DNS is down for a moment: an ordinary failed attempt, retried with backoff. */
    private void unresolvable(Delivery delivery, int attempt, OutboundGuard.UnresolvableHostException e) {
        metrics.attempt(WebhookMetrics.Outcome.CONNECTION_ERROR, 0);
        failed(delivery, attempt, null, e.reason(), 0);
    }

    /** A private address: given up at once, never retried. */
    private void refuse(Delivery delivery, OutboundGuard.BlockedUrlException blocked, Instant at) {
        store.failedAttempt(delivery.id(), null, "blocked: " + blocked.reason(), 0, at, true, at);
        metrics.attempt(WebhookMetrics.Outcome.BLOCKED, 0);
        metrics.gaveUp();
    }

    /** A failed attempt: retried after a backoff, unless the horizon (or WEBHOOK_MAX_ATTEMPTS) is reached. */
    private void failed(Delivery delivery, int attempt, Integer statusCode, String error, long millis) {
        Instant now = clock.instant();
        Instant next = now.plus(backoff(attempt));
        boolean last = (settings.maxAttempts() > 0 && attempt >= settings.maxAttempts())
                || next.isAfter(delivery.createdAt().plus(settings.retryHorizon()));
        store.failedAttempt(delivery.id(), statusCode, error, millis, last ? now : next, last, now);
        if (last) {
            metrics.gaveUp();
            log.warn(
                    "Webhook {} for account {} failed after {} attempts over {}: {}",
                    delivery.id(),
                    delivery.accountId(),
                    attempt,
                    Duration.between(delivery.createdAt(), now),
                    error);
        }
    }

    /**
     * retryBase x 4^(attempt-1), at most WEBHOOK_RETRY_MAX_DELAY, +-20 % jitter so receivers coming back are not
     * hit by everyone at once.
     */
    Duration backoff(int attempt) {
        double grown = settings.retryBase().toMillis() * Math.pow(4, Math.min(attempt - 1, 20));
        double capped = Math.min(grown, settings.retryMaxDelay().toMillis());
        return Duration.ofMillis(
                (long) (capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
    }

    private record Answer(int status, String start) {}

    /** The first characters of the receiver's answer (for the delivery record), the rest discarded. */
    private static String answerStart(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            byte[] start = in.readNBytes(ANSWER_KEPT);
            String text = new String(start, StandardCharsets.UTF_8)
                    .replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "")
                    .strip();
            return start.length == ANSWER_KEPT ? text + "..." : text;
        } finally {
            EntityUtils.consume(entity);
        }
    }

    @Override
    public void start() {
        senders = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "webhook-sender");
            t.setDaemon(true);
            return t;
        });
        running = true;
    }

    /** Stops taking deliveries; those in flight get a moment to finish, the rest stay pending for next start. */
    @Override
    public void stop() {
        running = false;
        senders.shutdown();
        try {
            senders.awaitTermination(settings.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void closeConnections() throws IOException {
        http.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
