package io.wamonitor.gateway.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.wamonitor.testkit.MongoWire;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Leases on the MongoDB wire server: one holder at a time, taken over only once expired or released. */
class LeasesTest {

    private final MongoWire wire = new MongoWire();
    private final MongoClient client = MongoClients.create(MongoWire.url(wire.port()));
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @AfterEach
    void close() {
        client.close();
        wire.close();
    }

    @Test
    void oneInstanceHoldsALeaseUntilItExpiresOrIsReleased() {
        MongoTemplate mongo = new MongoTemplate(client, "leases-test");
        Leases first = new Leases(mongo, clock);
        Leases second = new Leases(mongo, clock);

        assertThat(first.hold("leader", Duration.ofSeconds(10))).isTrue();
        assertThat(second.hold("leader", Duration.ofSeconds(10)))
                .as("held by the first")
                .isFalse();
        assertThat(first.hold("leader", Duration.ofSeconds(10)))
                .as("renewed by its holder")
                .isTrue();
        assertThat(second.holder("leader")).isEqualTo(first.instance());
        assertThat(second.hold("webhook:a", Duration.ofSeconds(10)))
                .as("other leases are independent")
                .isTrue();

        now.set(now.get().plusSeconds(11));
        assertThat(second.hold("leader", Duration.ofSeconds(10)))
                .as("expired: taken over")
                .isTrue();
        assertThat(first.hold("leader", Duration.ofSeconds(10))).isFalse();

        second.release("leader");
        assertThat(first.hold("leader", Duration.ofSeconds(10)))
                .as("released: free at once")
                .isTrue();
    }
}
