package io.wamonitor.worker.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param stallTimeout {@code SESSION_STALL_TIMEOUT}: a READY session that has heard nothing from WhatsApp's servers
 *                     for this long, and whose light round trip went unanswered, is stalled
 * @param healAttempts {@code SESSION_HEAL_ATTEMPTS}: heal steps (reload, then relaunch) a stalled session gets
 *                     within an hour; the next stall in that hour ends it {@code FAILED}
 * @param pageDeadline {@code SESSION_PAGE_DEADLINE}: how long the page may take to answer a trivial evaluate
 *                     before it counts as frozen (its main thread blocked)
 */
@ConfigurationProperties("wamonitor.session-health")
public record HealthSettings(Duration stallTimeout, int healAttempts, Duration pageDeadline) {

    public HealthSettings {
        stallTimeout = positive(stallTimeout, Duration.ofMinutes(5));
        healAttempts = healAttempts <= 0 ? 3 : healAttempts;
        pageDeadline = positive(pageDeadline, Duration.ofSeconds(20));
    }

    public static HealthSettings defaults() {
        return new HealthSettings(null, 0, null);
    }

    /** A round trip is made once the servers have been silent for half the stall timeout. */
    Duration roundTripAfter() {
        return stallTimeout.dividedBy(2);
    }

    /** A round trip not answered within this is a failed one. */
    Duration roundTripTimeout() {
        Duration quarter = stallTimeout.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : quarter;
    }

    /**
     * How long the owner thread may stay inside one call into the page before the page counts as hung: longer than
     * any page load ({@code BROWSER_LOAD_TIMEOUT}) plus two page deadlines.
     */
    Duration stuckAfter(Duration loadTimeout) {
        return loadTimeout.plus(pageDeadline.multipliedBy(2));
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
