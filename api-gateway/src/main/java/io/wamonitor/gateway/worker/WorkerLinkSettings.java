package io.wamonitor.gateway.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param reconcileGrace an account younger than this is not yet expected in a worker's heartbeat
 * @param resendAfter    minimum time between two re-sent start (or delete) commands for one account
 * @param workerTimeout  a worker silent for this long is considered gone
 * @param replyTimeout   {@code WORKER_REPLY_TIMEOUT}: how long a request (snapshot, pairing code) waits for the
 *                       worker before the API answers 503 WORKER_UNAVAILABLE
 */
@ConfigurationProperties("wamonitor.worker-link")
public record WorkerLinkSettings(
        Duration reconcileGrace, Duration resendAfter, Duration workerTimeout, Duration replyTimeout) {

    public WorkerLinkSettings {
        reconcileGrace = reconcileGrace == null ? Duration.ofSeconds(30) : reconcileGrace;
        resendAfter = resendAfter == null ? Duration.ofSeconds(60) : resendAfter;
        workerTimeout = workerTimeout == null ? Duration.ofSeconds(45) : workerTimeout;
        replyTimeout = replyTimeout == null ? Duration.ofSeconds(15) : replyTimeout;
    }
}
