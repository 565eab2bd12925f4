package io.wamonitor.gateway.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param timeout       {@code WEBHOOK_TIMEOUT}: per attempt, the limit for connecting and, separately, for the answer
 * @param maxAttempts   {@code WEBHOOK_MAX_ATTEMPTS}: 0 (default) retries until the horizon; 1 is the brief's
 *                      fire-and-forget; any other number stops after that many attempts (or at the horizon)
 * @param retryBase     {@code WEBHOOK_RETRY_BASE}: the first retry's delay; each next one is 4 times longer (+-20 %)
 * @param retryMaxDelay {@code WEBHOOK_RETRY_MAX_DELAY}: the longest wait between two attempts, so a receiver that
 *                      comes back gets its events within this time
 * @param retryHorizon  {@code WEBHOOK_RETRY_HORIZON}: how long a delivery is retried while its receiver is down;
 *                      then it is {@code FAILED}
 * @param concurrency   {@code WEBHOOK_CONCURRENCY}: deliveries in flight at once (each to a different account);
 *                      also the connections kept per receiver
 * @param retention     {@code WEBHOOK_RETENTION}: finished delivery records older than this are purged
 */
@ConfigurationProperties("wamonitor.webhook")
public record WebhookSettings(
        Duration timeout,
        int maxAttempts,
        Duration retryBase,
        Duration retryMaxDelay,
        Duration retryHorizon,
        int concurrency,
        Duration retention) {

    public static final Duration DEFAULT_RETRY_HORIZON = Duration.ofHours(24);

    public WebhookSettings {
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        maxAttempts = Math.max(0, maxAttempts);
        retryBase = retryBase == null ? Duration.ofSeconds(10) : retryBase;
        retryMaxDelay = retryMaxDelay == null ? Duration.ofMinutes(10) : retryMaxDelay;
        retryHorizon = retryHorizon == null ? DEFAULT_RETRY_HORIZON : retryHorizon;
        concurrency = concurrency <= 0 ? 8 : concurrency;
        retention = retention == null ? Duration.ofDays(7) : retention;
    }
}
