package io.wamonitor.worker;

import io.wamonitor.contracts.AmqpTopology;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param id                {@code WORKER_ID}: how this worker names itself (its command queue is named after it);
 *                          defaults to worker-&lt;hostname&gt;
 * @param maxSessions       {@code WORKER_MAX_SESSIONS}: account slots on this host (default: the account limit)
 * @param heartbeatInterval {@code WORKER_HEARTBEAT_INTERVAL}: how often capacity and held accounts are reported
 * @param startConcurrency  {@code WORKER_START_CONCURRENCY}: browsers opened at the same time (starts are staggered)
 * @param memoryLimit       {@code WORKER_MEMORY_LIMIT}: what this worker's browsers may use together; the gateway
 *                          places no new account here when it would not fit (0: no limit)
 * @param timeout           {@code WORKER_TIMEOUT}, as the gateway has it: after this long without a heartbeat the
 *                          gateway shows the worker's accounts unreachable
 * @param failoverGrace     {@code WORKER_FAILOVER_GRACE}, as the gateway has it: after timeout plus this, the
 *                          gateway moves the worker's accounts to other workers. A worker that has not been able
 *                          to report for timeout plus half of it closes its browsers itself, so that no account
 *                          ever runs on two workers at once
 */
@ConfigurationProperties("wamonitor.worker")
public record WorkerSettings(
        String id,
        int maxSessions,
        Duration heartbeatInterval,
        int startConcurrency,
        DataSize memoryLimit,
        Duration timeout,
        Duration failoverGrace) {

    public static final int DEFAULT_MAX_SESSIONS = 5;

    public WorkerSettings {
        id = id == null || id.isBlank() ? "worker-" + hostname() : id;
        if (!AmqpTopology.WORKER_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "WORKER_ID '" + id + "' cannot name a queue: use letters, digits, '.', '_' and '-' (at most 100)");
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("WORKER_MAX_SESSIONS must be at least 1, was " + maxSessions);
        }
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(10) : heartbeatInterval;
        startConcurrency = startConcurrency <= 0 ? 2 : startConcurrency;
        memoryLimit = memoryLimit == null ? DataSize.ofBytes(0) : memoryLimit;
        timeout = timeout == null ? Duration.ofSeconds(45) : timeout;
        failoverGrace = failoverGrace == null ? Duration.ofSeconds(60) : failoverGrace;
    }

    /** How long this worker may go without reporting before it must assume its accounts are being moved. */
    public Duration fenceAfter() {
        return timeout.plus(failoverGrace.dividedBy(2));
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
