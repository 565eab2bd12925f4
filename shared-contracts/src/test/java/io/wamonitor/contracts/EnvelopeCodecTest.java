package io.wamonitor.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wamonitor.contracts.command.StartSession;
import io.wamonitor.contracts.event.AccountStatusChanged;
import io.wamonitor.contracts.event.CommandResult;
import io.wamonitor.contracts.event.MessageAckChanged;
import io.wamonitor.contracts.event.MessageCaptured;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EnvelopeCodecTest {

    private final EnvelopeCodec codec = new EnvelopeCodec();

    static List<String> catalogTypes() {
        return List.copyOf(MessageCatalog.all().keySet());
    }

    @ParameterizedTest
    @MethodSource("catalogTypes")
    void everyCataloguedTypeRoundTripsThroughItsGoldenFixture(String type) throws IOException {
        byte[] fixture = fixture(type);

        Envelope<Payload> decoded = codec.decode(fixture);
        assertThat(decoded.type()).isEqualTo(type);
        assertThat(decoded.payload())
                .isInstanceOf(MessageCatalog.payloadClass(type).orElseThrow());

        JsonNode expected = codec.mapper().readTree(fixture);
        JsonNode reencoded = codec.mapper().readTree(codec.encode(decoded));
        assertThat(normalizeInstants(reencoded)).isEqualTo(normalizeInstants(expected));
    }

    @Test
    void decodesTheStartCommandFixtureIntoItsFields() throws IOException {
        Envelope<Payload> envelope = codec.decode(fixture("session.start.v1"));

        assertThat(envelope.id()).isEqualTo(UUID.fromString("7d1f6a62-4c1e-4b8e-9d2a-0b6a4f1e2c01"));
        assertThat(envelope.accountId()).isEqualTo(UUID.fromString("3f0c2b9e-8a7d-4c6b-9e5f-1a2b3c4d5e6f"));
        assertThat(envelope.occurredAt()).isEqualTo(Instant.parse("2026-11-26T10:15:30.123Z"));
        assertThat(envelope.payload()).isEqualTo(new StartSession("Support Account"));
        assertThat(envelope.epoch()).isEqualTo(3L);
    }

    @Test
    void anEnvelopeWithoutEpochDecodesWithNoneAndIsWrittenWithoutOne() throws IOException {
        Envelope<Payload> legacy = codec.decode(fixture("session.stop.v1"));

        assertThat(legacy.epoch()).isNull();
        assertThat(codec.mapper().readTree(codec.encode(legacy)).has("epoch")).isFalse();
    }

    @Test
    void rejectsAnEpochThatIsNotAWholeNumber() {
        for (String epoch : List.of("\"3\"", "1.5", "{}")) {
            String json = """
                    {"id":"7d1f6a62-4c1e-4b8e-9d2a-0b6a4f1e2c04","type":"session.stop.v1",
                     "occurred_at":"2026-11-26T10:15:31Z","epoch":%s,"payload":{"reason":"x"}}""".formatted(epoch);
            assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                    .as(epoch)
                    .isInstanceOf(UndecodableMessageException.class);
        }
    }

    @Test
    void heartbeatCarriesCapacityAndHeldAccounts() throws IOException {
        WorkerHeartbeat heartbeat =
                (WorkerHeartbeat) codec.decode(fixture("worker.heartbeat.v1")).payload();

        assertThat(heartbeat.slotsTotal()).isEqualTo(5);
        assertThat(heartbeat.slotsUsed()).isEqualTo(1);
        assertThat(heartbeat.accounts()).containsExactly(UUID.fromString("3f0c2b9e-8a7d-4c6b-9e5f-1a2b3c4d5e6f"));
        assertThat(codec.decode(fixture("worker.heartbeat.v1")).accountId()).isNull();
    }

    @Test
    void aCapturedMessageFromAnOlderWorkerDecodesWithoutLidsOrTypedContent() {
        String json = """
                {"id":"7d1f6a62-4c1e-4b8e-9d2a-0b6a4f1e2c05","type":"message.captured.v1",
                 "occurred_at":"2026-11-26T10:15:31Z","account_id":"3f0c2b9e-8a7d-4c6b-9e5f-1a2b3c4d5e6f",
                 "payload":{"message_id":"false_15550002222@c.us_3A01","chat":"15550002222@c.us",
                  "from":"15550002222@c.us","to":"15550001111@c.us","from_me":false,"is_group":false,
                  "type":"chat","text":"hi","timestamp":1795693800,"notify_name":"Maria"}}""";

        MessageCaptured message = (MessageCaptured)
                codec.decode(json.getBytes(StandardCharsets.UTF_8)).payload();

        assertThat(message)
                .isEqualTo(new MessageCaptured(
                        "false_15550002222@c.us_3A01",
                        "15550002222@c.us",
                        "15550002222@c.us",
                        "15550001111@c.us",
                        null,
                        false,
                        false,
                        "chat",
                        "hi",
                        1795693800,
                        "Maria",
                        null));
        assertThat(message.fromLid()).isNull();
        assertThat(message.forwarded()).isFalse();
    }

    @Test
    void typedContentRoundTrips() {
        MessageCaptured poll = new MessageCaptured(
                "false_15550002222@c.us_3A02",
                "15550002222@c.us",
                "15550002222@c.us",
                "15550001111@c.us",
                null,
                false,
                false,
                "poll_creation",
                null,
                1795693800,
                "Maria",
                null,
                "204812345678901@lid",
                null,
                null,
                "false_15550002222@c.us_3A01",
                true,
                new MessageCaptured.Location(-23.5505, -46.6333, "Praça da Sé", "São Paulo"),
                List.of("BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEND:VCARD"),
                new MessageCaptured.Poll("Lunch?", List.of("pizza", "sushi"), true));

        Envelope<Payload> decoded = codec.decode(codec.encode(Envelope.of(UUID.randomUUID(), poll, Instant.now())));

        assertThat(decoded.payload()).isEqualTo(poll);
    }

    @Test
    void ignoresFieldsAddedByANewerPeer() {
        String json = """
                {"id":"7d1f6a62-4c1e-4b8e-9d2a-0b6a4f1e2c04","type":"account.status.v1",
                 "occurred_at":"2026-11-26T10:15:31Z","account_id":"3f0c2b9e-8a7d-4c6b-9e5f-1a2b3c4d5e6f",
                 "trace":"abc","payload":{"status":"READY","reason":"linked","worker_id":"w","battery":80}}""";

        Envelope<Payload> envelope = codec.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(envelope.payload()).isEqualTo(new AccountStatusChanged(AccountStatus.READY, "linked", "w"));
    }

    @Test
    void rejectsAnUnknownTypeAsUndecodable() {
        String json = """
                {"id":"7d1f6a62-4c1e-4b8e-9d2a-0b6a4f1e2c04","type":"account.teleport.v9",
                 "occurred_at":"2026-11-26T10:15:31Z","payload":{}}""";

        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UndecodableMessageException.class)
                .hasMessageContaining("Unknown message type")
                .extracting(e -> ((UndecodableMessageException) e).type())
                .isEqualTo("account.teleport.v9");
    }

    @Test
    void rejectsBodiesThatAreNotEnvelopes() {
        for (String body : List.of(
                "not json",
                "[]",
                "{}",
                "{\"type\":\"session.start.v1\"}",
                "{\"id\":\"x\",\"type\":\"session.start.v1\",\"occurred_at\":\"2026-11-26T10:15:31Z\",\"payload\":{}}",
                "{\"id\":\"7d1f6a62-4c1e-4b8e-9d2a-0b6a4f1e2c04\",\"type\":\"account.status.v1\","
                        + "\"occurred_at\":\"2026-11-26T10:15:31Z\",\"payload\":{\"status\":\"DANCING\"}}")) {
            assertThatThrownBy(() -> codec.decode(body.getBytes(StandardCharsets.UTF_8)))
                    .as(body)
                    .isInstanceOf(UndecodableMessageException.class);
        }
    }

    @Test
    void newEnvelopesAreTypedFromTheCatalog() {
        UUID command = UUID.randomUUID();
        Envelope<CommandResult> envelope = Envelope.of(
                null,
                new CommandResult(command, "session.stop.v1", CommandResult.Outcome.DONE, null, null, false, "w"),
                Instant.parse("2026-11-26T10:00:00Z"));

        assertThat(envelope.type()).isEqualTo("session.command_result.v1");
        assertThat(codec.decode(codec.encode(envelope))).isEqualTo(envelope);
    }

    @Test
    void ackLevelsHaveOneNameEverywhere() {
        assertThat(MessageAckChanged.statusOf(-1)).isEqualTo("failed");
        assertThat(MessageAckChanged.statusOf(0)).isEqualTo("pending");
        assertThat(MessageAckChanged.statusOf(1)).isEqualTo("sent");
        assertThat(MessageAckChanged.statusOf(2)).isEqualTo("delivered");
        assertThat(MessageAckChanged.statusOf(3)).isEqualTo("read");
        assertThat(MessageAckChanged.statusOf(4)).isEqualTo("played");
    }

    private static JsonNode normalizeInstants(JsonNode node) {
        if (node.isObject()) {
            var object = (ObjectNode) node;
            object.fieldNames().forEachRemaining(name -> {
                JsonNode child = object.get(name);
                if (child.isTextual() && (name.endsWith("_at"))) {
                    object.put(name, Instant.parse(child.asText()).toString());
                } else {
                    normalizeInstants(child);
                }
            });
        }
        return node;
    }

    private static byte[] fixture(String type) throws IOException {
        try (InputStream in = EnvelopeCodecTest.class.getResourceAsStream("/fixtures/" + type + ".json")) {
            assertThat(in).as("golden fixture for " + type).isNotNull();
            return in.readAllBytes();
        }
    }
}
