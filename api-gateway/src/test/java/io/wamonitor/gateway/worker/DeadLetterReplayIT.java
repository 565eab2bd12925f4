package io.wamonitor.gateway.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.event.AccountStatusChanged;
import io.wamonitor.gateway.AbstractGatewayIT;
import io.wamonitor.testkit.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An operator replays what was dead-lettered (say, status events that failed while the database was away) once the
 * cause is fixed: the messages go back to their queue and are handled, and the dead-letter queue is empty again.
 */
class DeadLetterReplayIT extends AbstractGatewayIT {

    @Test
    void replayedDeadLettersAreHandledAndLeaveTheDeadLetterQueue() {
        ApiClient.Response created = api.post("/api/accounts", "{\"name\":\"Replay\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asText();
        String events = support.topology().gatewayEventsQueue();
        String deadLetters = support.topology().deadLetterQueue(events);
        Envelope<AccountStatusChanged> ready = Envelope.of(
                UUID.fromString(id),
                new AccountStatusChanged(AccountStatus.READY, "connected", null, "15550001111", null, null),
                Instant.now());
        // Where a status event lands after failing on every attempt.
        support.publishRaw("", deadLetters, new EnvelopeCodec().encode(ready));

        assertThat(waiting(api)).isEqualTo(1);
        assertThat(api.get("/api/accounts/" + id).text("status")).isNotEqualTo("READY");

        ApiClient.Response replay = api.post("/api/dead-letters/gateway.events/replay", "");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.json().path("replayed").asInt()).isEqualTo(1);
        await("the replayed status applied")
                .atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/api/accounts/" + id).text("status"), "READY"::equals);
        assertThat(waiting(api)).isZero();
        assertThat(support.broker().messageCount(deadLetters)).isZero();

        ApiClient.Response unknown = api.post("/api/dead-letters/nowhere/replay", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("QUEUE_NOT_FOUND");
    }

    private static long waiting(ApiClient api) {
        for (JsonNode queue : api.get("/api/dead-letters").json()) {
            if ("gateway.events".equals(queue.path("queue").asText())) {
                return queue.path("messages").asLong();
            }
        }
        throw new AssertionError("gateway.events is not listed");
    }
}
