package io.wamonitor.gateway.messaging;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Per-account send rate limit (resilience4j): WhatsApp bans accounts that send in bursts, so the API refuses
 * beyond {@code SEND_RATE_LIMIT} sends per {@code SEND_RATE_PERIOD} instead of queueing them.
 */
@Component
class SendLimits {

    private final RateLimiterRegistry limiters;
    private final Duration period;

    SendLimits(
            @Value("${wamonitor.messaging.rate-limit:30}") int limit,
            @Value("${wamonitor.messaging.rate-period:1m}") Duration period) {
        this.period = period;
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(limit)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    /** Empty if the send may go now; otherwise the seconds to wait at most (for Retry-After). */
    OptionalLong acquire(String accountId) {
        RateLimiter limiter = limiters.rateLimiter(accountId);
        if (limiter.acquirePermission()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (period.toMillis() + 999) / 1000));
    }
}
