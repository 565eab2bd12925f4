package io.wamonitor.gateway.worker;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param namespace      {@code RABBITMQ_NAMESPACE}: prefix of every exchange and queue name
 * @param confirmTimeout how long to wait for the broker to confirm a command
 * @param reconcileGrace an account younger than this is not yet expected in a worker's heartbeat
 * @param resendAfter    minimum time between two re-sent start (or delete) commands for one account
 * @param workerTimeout  a worker silent for this long is considered gone
 * @param replyTimeout   {@code WORKER_REPLY_TIMEOUT}: how long a request (snapshot, pairing code) waits for the
 *                       worker before the API answers 503 WORKER_UNAVAILABLE
 */
@ConfigurationProperties("wamonitor.worker-link")
public record WorkerLinkSettings(String namespace, Duration confirmTimeout, Duration reconcileGrace,
                                 Duration resendAfter, Duration workerTimeout, Duration replyTimeout) {

    public WorkerLinkSettings {
        namespace = namespace == null || namespace.isBlank() ? "wamonitor" : namespace;
        confirmTimeout = confirmTimeout == null ? Duration.ofSeconds(5) : confirmTimeout;
        reconcileGrace = reconcileGrace == null ? Duration.ofSeconds(30) : reconcileGrace;
        resendAfter = resendAfter == null ? Duration.ofSeconds(60) : resendAfter;
        workerTimeout = workerTimeout == null ? Duration.ofSeconds(45) : workerTimeout;
        replyTimeout = replyTimeout == null ? Duration.ofSeconds(15) : replyTimeout;
    }
}
