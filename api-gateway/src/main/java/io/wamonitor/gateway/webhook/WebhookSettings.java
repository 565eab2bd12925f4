package io.wamonitor.gateway.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param timeout     {@code WEBHOOK_TIMEOUT}: per attempt, the limit for connecting and, separately, for the answer
 * @param maxAttempts {@code WEBHOOK_MAX_ATTEMPTS}: 1 is the brief's fire-and-forget; the default 6 spans ~15 min
 * @param retryBase   {@code WEBHOOK_RETRY_BASE}: the first retry's delay; each next one is 4 times longer (+-20 %)
 * @param retention   {@code WEBHOOK_RETENTION}: finished delivery records older than this are purged
 */
@ConfigurationProperties("wamonitor.webhook")
public record WebhookSettings(Duration timeout, int maxAttempts, Duration retryBase, Duration retention) {

    public WebhookSettings {
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        maxAttempts = maxAttempts <= 0 ? 6 : maxAttempts;
        retryBase = retryBase == null ? Duration.ofSeconds(10) : retryBase;
        retention = retention == null ? Duration.ofDays(7) : retention;
    }
}
