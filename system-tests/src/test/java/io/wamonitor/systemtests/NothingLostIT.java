package io.wamonitor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamonitor.testkit.ApiClient;
import io.wamonitor.testkit.AppProcess;
import io.wamonitor.testkit.BrokerOutage;
import io.wamonitor.testkit.MongoWire;
import io.wamonitor.testkit.Platform;
import io.wamonitor.testkit.PrometheusText;
import io.wamonitor.testkit.RabbitBrokerExtension;
import io.wamonitor.testkit.TcpProxy;
import io.wamonitor.testkit.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The delivery guarantees under real faults: a stopped broker, a worker killed with kill -9 or for good, an
 * unreachable database, a receiver that refuses one event, and a send whose acceptance comes after the API gave
 * up. Every message is counted: sent, delivered, delivered twice.
 */
@Tag("browser")
@ExtendWith(RabbitBrokerExtension.class)
class NothingLostIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(120);
    private static final String PHONE = "15550001111";
    private static final String SENDER = "15550002222";
    private static final String RECIPIENT = "15550004444";
    private static final String PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    @Test
    void aBrokerStoppedForThirtySecondsDuringABurstLosesNothing() {
        assumeTrue(BrokerOutage.possible(), "needs the local RabbitMQ that rabbitmqctl controls");
        // Spring AMQP says so at ERROR while the broker is away; that is the fault this test makes. An ack the broker
        // never got ("Error acking") means the message comes again, and is taken once (dedupe by envelope id).
        try (Platform platform = platform()
                        .tolerating("Failed to check/redeclare auto-delete queue")
                        .tolerating("Error acking");
                WebhookReceiver receiver = new WebhookReceiver()) {
            String id = linkedAccount(platform, receiver);
            List<String> sent = new ArrayList<>();
            Instant restored;
            try (BrokerOutage outage = BrokerOutage.begin()) {
                Instant stopped = Instant.now();
                for (int i = 1; i <= 20; i++) {
                    String text = "broker burst " + i;
                    sent.add(text);
                    inbound(platform, text, i % 4 == 0);
                }
                // The worker keeps capturing into its journal meanwhile.
                await("the burst captured into the worker's journal")
                        .atMost(EVENTUALLY)
                        .until(() -> journalDepth(platform) >= 20);
                awaitElapsed(stopped, Duration.ofSeconds(30));
                outage.end();
                restored = Instant.now();
            }
            Map<String, Integer> delivered = awaitDelivered(receiver, sent);
            ReliabilityReport.row(
                    "RabbitMQ stopped (`rabbitmqctl stop_app`) for 30 s during a 20-message burst " + "(5 with media)",
                    sent.size(),
                    delivered.size(),
                    duplicates(delivered),
                    Duration.between(restored, lastArrival(receiver)));
            assertThat(receiver.messages().stream().filter(m -> !m.path("media").isNull()))
                    .hasSize(5)
                    .allSatisfy(
                            m -> assertThat(m.path("media").path("media_url").asText())
                                    .contains("/media/"));
            assertThat(platform.api().get("/api/accounts/" + id).text("status")).isEqualTo("READY");
            assertNoDeadLetters(platform);
        }
    }

    @Test
    void aWorkerKilledDuringABurstDeliversEveryMessageOnceAfterItsRestart() {
        try (Platform platform = platform();
                WebhookReceiver receiver = new WebhookReceiver()) {
            linkedAccount(platform, receiver);
            List<String> sent = new ArrayList<>();
            Instant restarted = null;
            for (int i = 1; i <= 30; i++) {
                String text = "kill burst " + i;
                sent.add(text);
                inbound(platform, text, false);
                if (i == 12) {
                    platform.worker().kill();
                }
                if (i == 20) {
                    platform.startWorker("worker-faults");
                    restarted = Instant.now();
                }
            }
            Map<String, Integer> delivered = awaitDelivered(receiver, sent);
            ReliabilityReport.row(
                    "Browser worker killed (`kill -9`) during a 30-message burst, restarted",
                    sent.size(),
                    delivered.size(),
                    duplicates(delivered),
                    Duration.between(restarted, lastArrival(receiver)));
            assertNoDeadLetters(platform);
        }
    }

    @Test
    void mongoDbUnreachableForAMinuteDelaysMessagesButLosesNone() {
        try (MongoWire mongo = new MongoWire();
                TcpProxy proxy = new TcpProxy("127.0.0.1", mongo.port());
                Platform platform = platform()
                        .with("MONGO_URL", MongoWire.url(proxy.port()))
                        .with("MONGO_TIMEOUT", "2s");
                WebhookReceiver receiver = new WebhookReceiver()) {
            linkedAccount(platform, receiver);
            List<String> sent = new ArrayList<>();
            proxy.cut();
            Instant cut = Instant.now();
            for (int i = 1; i <= 10; i++) {
                String text = "while the database is away " + i;
                sent.add(text);
                inbound(platform, text, false);
            }
            awaitElapsed(cut, Duration.ofSeconds(60));
            assertThat(receiver.messages())
                    .as("nothing can be recorded without the database")
                    .isEmpty();
            proxy.restore();
            Instant restored = Instant.now();
            Map<String, Integer> delivered = awaitDelivered(receiver, sent);
            ReliabilityReport.row(
                    "MongoDB unreachable (connections cut by a proxy) for 60 s while 10 messages " + "arrive",
                    sent.size(),
                    delivered.size(),
                    duplicates(delivered),
                    Duration.between(restored, lastArrival(receiver)));
            assertNoDeadLetters(platform);
        }
    }

    @Test
    void aReceiverThatRefusesOneEventDoesNotHoldUpTheNextOnes() {
        try (Platform platform = platform();
                WebhookReceiver receiver = new WebhookReceiver()) {
            String id = linkedAccount(platform, receiver);
            receiver.answer(
                    request -> "unparseable".equals(request.json().path("text").asText()) ? 400 : 200);
            inbound(platform, "unparseable", false);
            List<String> after = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                after.add("after the refusal " + i);
                inbound(platform, after.get(i - 1), false);
            }
            Instant sentAt = Instant.now();
            await("the next five, in order, within seconds")
                    .atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(receiver.messages().stream()
                                    .map(m -> m.path("text").asText())
                                    .toList())
                            .containsExactlyElementsOf(after));
            JsonNode refused = platform.api()
                    .get("/api/accounts/" + id + "/webhook-deliveries?status=FAILED")
                    .json();
            assertThat(refused).hasSize(1);
            assertThat(refused.get(0).path("payload").path("text").asText()).isEqualTo("unparseable");
            assertThat(refused.get(0).path("attempts").asInt()).isEqualTo(1);
            assertThat(refused.get(0).path("last_status_code").asInt()).isEqualTo(400);
            assertThat(refused.get(0).path("last_error").asText()).contains("refused with 400");
            assertThat(receiver.refused()).hasSize(1);
            ReliabilityReport.row(
                    "Webhook receiver answers 400 to one event, then 200",
                    6,
                    5,
                    0,
                    Duration.between(sentAt, lastArrival(receiver)));
        }
    }

    @Test
    void aSendAcceptedAfterTheApiGaveUpIsSentOnceAndItsKeySettles() {
        try (Platform platform = platform().with("WORKER_REPLY_TIMEOUT", "3s");
                WebhookReceiver receiver = new WebhookReceiver()) {
            linkedAccount(platform, receiver);
            ApiClient api = platform.api();
            ApiClient sim = platform.simulator();
            sim.post("/sim/numbers", "{\"phone\":\"" + RECIPIENT + "\"}");
            sim.post("/sim/phones/" + PHONE + "/send-delay", "{\"delay_ms\":8000}");
            String body = "{\"to\":\"" + RECIPIENT + "\",\"message\":\"slow but once\"}";

            ApiClient.Response first = send(api, body, "slow-1");
            assertThat(first.status()).as(first.toString()).isEqualTo(503);
            assertThat(first.text("code")).isEqualTo("WORKER_UNAVAILABLE");
            ApiClient.Response retry = send(api, body, "slow-1");
            assertThat(retry.status()).as(retry.toString()).isEqualTo(409);
            assertThat(retry.text("code")).isEqualTo("IDEMPOTENCY_IN_PROGRESS");
            ApiClient.Response settled = awaitSettled(api, body, "slow-1");
            assertThat(settled.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(settled.text("message_id")).startsWith("true_" + RECIPIENT + "@c.us_");
            assertThat(outboxTexts(sim, "slow but once")).isEqualTo(1);
        }
    }

    @Test
    void aSendInFlightWhenTheGatewayIsKilledSettlesItsKeyAfterTheRestart() {
        try (Platform platform = platform().with("WORKER_REPLY_TIMEOUT", "20s");
                WebhookReceiver receiver = new WebhookReceiver()) {
            linkedAccount(platform, receiver);
            ApiClient api = platform.api();
            ApiClient sim = platform.simulator();
            sim.post("/sim/numbers", "{\"phone\":\"" + RECIPIENT + "\"}");
            sim.post("/sim/phones/" + PHONE + "/send-delay", "{\"delay_ms\":8000}");
            String body = "{\"to\":\"" + RECIPIENT + "\",\"message\":\"sent while the gateway dies\"}";

            CompletableFuture<Void> inFlight = CompletableFuture.runAsync(() -> {
                try {
                    send(api, body, "crash-1");
                } catch (IllegalStateException connectionLost) {
                    // the gateway is killed under this request
                }
            });
            await("the send is in progress")
                    .atMost(EVENTUALLY)
                    .until(() -> send(api, body, "crash-1").status() == 409);
            platform.gateway().kill();
            inFlight.join();
            platform.startGateway();
            ApiClient.Response settled = awaitSettled(api, body, "crash-1");
            assertThat(settled.text("message_id")).startsWith("true_" + RECIPIENT + "@c.us_");
            assertThat(outboxTexts(sim, "sent while the gateway dies")).isEqualTo(1);
        }
    }

    @Test
    void aWorkerThatIsGoneShowsItsAccountsUnreachable() {
        try (Platform platform = platform().with("WORKER_TIMEOUT", "8s");
                WebhookReceiver receiver = new WebhookReceiver()) {
            String id = linkedAccount(platform, receiver);
            AppProcess worker = platform.worker();
            worker.kill();
            Instant killed = Instant.now();
            await("DISCONNECTED, worker_unreachable")
                    .atMost(Duration.ofSeconds(8 + 10))
                    .untilAsserted(() -> {
                        JsonNode account =
                                platform.api().get("/api/accounts/" + id).json();
                        assertThat(account.path("status").asText()).isEqualTo("DISCONNECTED");
                        assertThat(account.path("status_reason").asText()).startsWith("worker_unreachable");
                    });
            System.out.println("RELIABILITY worker gone -> unreachable after "
                    + Duration.between(killed, Instant.now()).toMillis() + " ms");
            ApiClient.Response send = platform.api()
                    .post(
                            "/api/accounts/" + id + "/messages/send",
                            "{\"to\":\"" + RECIPIENT + "\",\"message\":\"anyone there?\"}");
            assertThat(send.status()).isEqualTo(409);
            assertThat(send.text("code")).isEqualTo("ACCOUNT_NOT_READY");
        }
    }

    // ---- steps ---------------------------------------------------------------------------------------------

    private static Platform platform() {
        return new Platform()
                .with("WEBHOOK_RETRY_BASE", "300ms")
                .with("WEBHOOK_RETRY_MAX_DELAY", "2s")
                .with("OUTBOUND_ALLOW", "127.0.0.1");
    }

    private static String linkedAccount(Platform platform, WebhookReceiver receiver) {
        platform.startAll("worker-faults");
        String id = platform.api()
                .post("/api/accounts", "{\"name\":\"Faults\",\"webhook_url\":\"" + receiver.url() + "\"}")
                .text("id");
        platform.link(id, PHONE);
        return id;
    }

    private static void inbound(Platform platform, String text, boolean withImage) {
        String media = withImage
                ? ",\"media\":{\"mimetype\":\"image/png\",\"filename\":\"p.png\",\"data\":\"" + PNG + "\"}"
                : "";
        ApiClient.Response delivered = platform.simulator()
                .post(
                        "/sim/phones/" + PHONE + "/inbound",
                        "{\"from\":\"" + SENDER + "\",\"text\":\"" + text + "\"" + media + "}");
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
    }

    /** Waits until every sent text arrived; returns how often each message id arrived. */
    private static Map<String, Integer> awaitDelivered(WebhookReceiver receiver, List<String> sent) {
        await("every message delivered")
                .atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(receiver.messages().stream()
                                .map(m -> m.path("text").asText())
                                .distinct()
                                .toList())
                        .containsAll(sent));
        Map<String, Integer> byId = new HashMap<>();
        for (JsonNode message : receiver.messages()) {
            byId.merge(message.path("message_id").asText(), 1, Integer::sum);
        }
        assertThat(byId)
                .as("every message exactly once")
                .allSatisfy(
                        (messageId, count) -> assertThat(count).as(messageId).isEqualTo(1));
        assertThat(byId).hasSize(sent.size());
        return byId;
    }

    private static int duplicates(Map<String, Integer> delivered) {
        return delivered.values().stream().mapToInt(n -> n - 1).sum();
    }

    private static Instant lastArrival(WebhookReceiver receiver) {
        return receiver.received().stream()
                .map(WebhookReceiver.Received::at)
                .max(Instant::compareTo)
                .orElse(Instant.now());
    }

    private static double journalDepth(Platform platform) {
        Double depth = PrometheusText.value(
                platform.workerHttp().get("/actuator/prometheus").body(), "wamonitor_worker_journal_events");
        return depth == null ? 0 : depth;
    }

    /** The fault lasts this long: the test holds it until then. */
    private static void awaitElapsed(Instant since, Duration duration) {
        await("the fault lasts " + duration.toSeconds() + " s")
                .atMost(duration.plusSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !Instant.now().isBefore(since.plus(duration)));
    }

    private static void assertNoDeadLetters(Platform platform) {
        JsonNode queues = platform.api().get("/api/dead-letters").json();
        assertThat(queues.size()).isEqualTo(2);
        assertThat(queues)
                .allSatisfy(q ->
                        assertThat(q.path("messages").asLong()).as(q.toString()).isZero());
    }

    private static ApiClient.Response send(ApiClient api, String body, String key) {
        return api.send(
                "POST",
                "/api/accounts/" + accountOf(api) + "/messages/send",
                body,
                "application/json",
                Map.of("Idempotency-Key", key));
    }

    private static String accountOf(ApiClient api) {
        return api.get("/api/accounts").json().get(0).path("id").asText();
    }

    private static ApiClient.Response awaitSettled(ApiClient api, String body, String key) {
        ApiClient.Response[] settled = new ApiClient.Response[1];
        await("the key settles with the send's outcome")
                .atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    settled[0] = send(api, body, key);
                    assertThat(settled[0].status()).as(settled[0].toString()).isEqualTo(200);
                });
        return settled[0];
    }

    private static long outboxTexts(ApiClient sim, String text) {
        long count = 0;
        for (JsonNode entry : sim.get("/sim/phones/" + PHONE + "/outbox").json()) {
            if (text.equals(entry.path("text").asText())) {
                count++;
            }
        }
        return count;
    }
}
