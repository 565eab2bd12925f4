package io.wamonitor.gateway.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param reconcileGrace {@code RECONCILE_GRACE}: an account younger than this is not yet expected in a worker's
 *                       heartbeat
 * @param resendAfter    {@code RECONCILE_RESEND_AFTER}: minimum time between two re-sent start (or delete) commands
 *                       for one account
 * @param workerTimeout  {@code WORKER_TIMEOUT}: a worker silent for this long is shown unreachable, and its accounts
 *                       {@code DISCONNECTED}
 * @param failoverGrace  {@code WORKER_FAILOVER_GRACE}: a worker silent for the timeout plus this is lost: its
 *                       accounts move to other workers (restored from their backups)
 * @param replyTimeout   {@code WORKER_REPLY_TIMEOUT}: how long a request (snapshot, pairing code) waits for the
 *                       worker before the API answers 503 WORKER_UNAVAILABLE
 */
@ConfigurationProperties("wamonitor.worker-link")
public record WorkerLinkSettings(
        Duration reconcileGrace,
        Duration resendAfter,
        Duration workerTimeout,
        Duration failoverGrace,
        Duration replyTimeout) {

    public WorkerLinkSettings {
        reconcileGrace = reconcileGrace == null ? Duration.ofSeconds(30) : reconcileGrace;
        resendAfter = resendAfter == null ? Duration.ofSeconds(60) : resendAfter;
        workerTimeout = workerTimeout == null ? Duration.ofSeconds(45) : workerTimeout;
        failoverGrace = failoverGrace == null ? Duration.ofSeconds(60) : failoverGrace;
        replyTimeout = replyTimeout == null ? Duration.ofSeconds(15) : replyTimeout;
    }

    /** How long a worker may be silent before its accounts move. */
    public Duration lostAfter() {
        return workerTimeout.plus(failoverGrace);
    }
}
