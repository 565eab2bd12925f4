package io.wamonitor.gateway.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.wamonitor.testkit.MongoWire;
import io.wamonitor.testkit.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Leases on the MongoDB wire server: one holder at a time, taken over only once expired or released. */
class LeasesTest {

    private final MongoWire wire = new MongoWire();
    private final MongoClient client = MongoClients.create(MongoWire.url(wire.port()));
    private final MutableClock clock = new MutableClock();

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

        clock.advance(Duration.ofSeconds(11));
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
