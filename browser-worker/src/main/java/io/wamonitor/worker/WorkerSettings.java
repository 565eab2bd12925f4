package io.wamonitor.worker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param id                {@code WORKER_ID}: how this worker names itself; defaults to worker-&lt;hostname&gt;
 * @param maxSessions       {@code WORKER_MAX_SESSIONS}: account slots on this host (default: the account limit)
 * @param heartbeatInterval {@code WORKER_HEARTBEAT_INTERVAL}: how often capacity and held accounts are reported
 * @param startConcurrency  {@code WORKER_START_CONCURRENCY}: browsers opened at the same time (starts are staggered)
 */
@ConfigurationProperties("wamonitor.worker")
public record WorkerSettings(String id, int maxSessions, Duration heartbeatInterval, int startConcurrency) {

    public static final int DEFAULT_MAX_SESSIONS = 5;

    public WorkerSettings {
        id = id == null || id.isBlank() ? "worker-" + hostname() : id;
        if (maxSessions < 1) {
            throw new IllegalArgumentException("WORKER_MAX_SESSIONS must be at least 1, was " + maxSessions);
        }
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(10) : heartbeatInterval;
        startConcurrency = startConcurrency <= 0 ? 2 : startConcurrency;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
