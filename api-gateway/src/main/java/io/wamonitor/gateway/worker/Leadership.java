package io.wamonitor.gateway.worker;

import io.wamonitor.gateway.mongo.Leases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Which gateway instance leads: the one holding the {@code leader} lease in MongoDB. Only the leader reconciles
 * sessions with workers, moves accounts off lost or draining workers and corrects statuses from heartbeats, so
 * each such decision is taken once however many instances run; every instance answers the API. The lease is
 * renewed every 2 s and lasts 10 s, so a leader that dies is replaced within about 10 s.
 */
@Component
class Leadership {

    static final String LEASE = "leader";
    static final Duration TTL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(Leadership.class);

    private final Leases leases;
    private final Clock clock;
    private volatile boolean leader;
    private volatile Instant leaderSince;

    Leadership(Leases leases, Clock clock) {
        this.leases = leases;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 0, fixedDelay = 2_000)
    void renew() {
        boolean holds;
        try {
            holds = leases.hold(LEASE, TTL);
        } catch (DataAccessException e) {
            holds = false;
        }
        if (holds != leader) {
            leader = holds;
            leaderSince = holds ? clock.instant() : null;
            if (holds) {
                log.info("This gateway instance ({}) leads reconciliation and failover", leases.instance());
            } else {
                log.info("This gateway instance ({}) no longer leads", leases.instance());
            }
        }
    }

    boolean isLeader() {
        return leader;
    }

    /** Since when this instance leads, null when it does not. */
    Instant leaderSince() {
        return leaderSince;
    }

    void release() {
        if (leader) {
            leases.release(LEASE);
            leader = false;
        }
    }
}
