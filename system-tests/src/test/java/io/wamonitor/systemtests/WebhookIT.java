package io.wamonitor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wamonitor.testkit.ApiClient;
import io.wamonitor.testkit.AppProcess;
import io.wamonitor.testkit.Platform;
import io.wamonitor.testkit.RabbitBrokerExtension;
import io.wamonitor.testkit.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The webhook contract (README, "Webhooks"): every message reaches a real HTTP receiver, signed, in order, durably. */
@Tag("browser")
@ExtendWith(RabbitBrokerExtension.class)
class WebhookIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE = "15550001111";
    private static final String PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    @Test
    void messagesReachTheWebhookSignedWithMediaAndSurviveAReceiverOutage() throws Exception {
        try (Platform platform = new Platform()
                        .with("WEBHOOK_RETRY_BASE", "300ms")
                        .with("OUTBOUND_ALLOW", "127.0.0.1")
                        .with("MEDIA_MAX_BYTES", "200")
                        .with("SEND_RATE_LIMIT", "14");
                WebhookReceiver receiver = new WebhookReceiver();
                WebhookReceiver otherReceiver = new WebhookReceiver()) {
            AppProcess worker = platform.startAll("worker-hooks");
            ApiClient api = platform.api();
            ApiClient sim = platform.simulator();

            ApiClient.Response created = api.post(
                    "/api/accounts",
                    "{\"name\":\"Hooked\",\"webhook_url\":\"" + receiver.url() + "\","
                            + "\"webhook_events\":[\"message\",\"ack\",\"status\"]}");
            String id = created.text("id");
            String secret = created.text("webhook_secret");
            assertThat(secret).startsWith("whsec_");
            platform.secret(secret);
            assertThat(api.get("/api/accounts/" + id).body()).doesNotContain(secret);
            link(api, sim, id);

            // Inbound text: the unified payload, signed with the account's secret.
            sim.post("/sim/phones/" + PHONE + "/inbound", "{\"from\":\"15550002222\",\"text\":\"hi there\"}");
            JsonNode text =
                    awaitMessage(receiver, m -> "hi there".equals(m.path("text").asText()));
            assertThat(text.path("event").asText()).isEqualTo("message");
            assertThat(text.path("direction").asText()).isEqualTo("inbound");
            assertThat(text.path("account_id").asText()).isEqualTo(id);
            assertThat(text.path("from").asText()).isEqualTo("15550002222@c.us");
            assertThat(text.path("to").asText()).isEqualTo(PHONE + "@c.us");
            assertThat(text.path("from_me").asBoolean()).isFalse();
            assertThat(text.path("is_group").asBoolean()).isFalse();
            assertThat(text.path("type").asText()).isEqualTo("text");
            assertThat(text.path("message_id").asText()).startsWith("false_15550002222@c.us_");
            assertThat(text.path("timestamp").asLong()).isPositive();
            assertThat(text.path("media").isNull()).isTrue();
            WebhookReceiver.Received raw = receiver.received().stream()
                    .filter(r -> text.path("event_id")
                            .asText()
                            .equals(r.json().path("event_id").asText()))
                    .findFirst()
                    .orElseThrow();
            assertThat(raw.header("X-Webhook-Id"))
                    .isEqualTo(text.path("event_id").asText());
            assertThat(raw.header("X-Webhook-Signature")).isEqualTo(sign(secret, raw.body()));

            // Image with caption: the caption is the text, the media URL serves the same bytes without an API key.
            sim.post(
                    "/sim/phones/" + PHONE + "/inbound",
                    "{\"from\":\"15550002222\",\"text\":\"the menu\","
                            + "\"media\":{\"mimetype\":\"image/png\",\"filename\":\"menu.png\",\"data\":\"" + PNG
                            + "\"}}");
            JsonNode image =
                    awaitMessage(receiver, m -> "image".equals(m.path("type").asText()));
            assertThat(image.path("text").asText()).isEqualTo("the menu");
            assertThat(image.path("media").path("mimetype").asText()).isEqualTo("image/png");
            assertThat(image.path("media").path("filename").asText()).isEqualTo("menu.png");
            assertThat(image.path("media").path("size").asInt())
                    .isEqualTo(Base64.getDecoder().decode(PNG).length);
            HttpResponse<byte[]> download = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(image.path("media")
                                            .path("media_url")
                                            .asText()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(Base64.getDecoder().decode(PNG));
            String tampered = image.path("media").path("media_url").asText().replace("signature=", "signature=x");
            assertThat(HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(tampered)).build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .isEqualTo(403);

            // A document keeps its name; media over MEDIA_MAX_BYTES come without a URL and say why.
            String smallPdf =
                    Base64.getEncoder().encodeToString("%PDF-1.4\nsmall\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
            sim.post(
                    "/sim/phones/" + PHONE + "/inbound",
                    "{\"from\":\"15550002222\",\"text\":\"the contract\","
                            + "\"media\":{\"mimetype\":\"application/pdf\",\"filename\":\"contract.pdf\",\"data\":\""
                            + smallPdf + "\"}}");
            JsonNode document = awaitMessage(
                    receiver, m -> "the contract".equals(m.path("text").asText()));
            assertThat(document.path("type").asText()).isEqualTo("document");
            assertThat(document.path("media").path("filename").asText()).isEqualTo("contract.pdf");
            assertThat(document.path("media").path("media_url").asText()).contains("/media/");
            String bigPdf = Base64.getEncoder()
                    .encodeToString(("%PDF-1.4\n" + "x".repeat(400) + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
            sim.post(
                    "/sim/phones/" + PHONE + "/inbound",
                    "{\"from\":\"15550002222\",\"text\":\"the big one\","
                            + "\"media\":{\"mimetype\":\"application/pdf\",\"filename\":\"big.pdf\",\"data\":\""
                            + bigPdf + "\"}}");
            JsonNode big = awaitMessage(
                    receiver, m -> "the big one".equals(m.path("text").asText()));
            assertThat(big.path("media").path("media_url").isNull()).isTrue();
            assertThat(big.path("media").path("unavailable_reason").asText()).isEqualTo("too_large");
            assertThat(big.path("media").path("size").asInt()).isGreaterThan(200);

            // A group message names its author; a message sent from the phone is outbound and from_me.
            sim.post(
                    "/sim/phones/" + PHONE + "/inbound",
                    "{\"from\":\"15550003333\",\"text\":\"group hello\"," + "\"group\":\"120363012345678901\"}");
            JsonNode group = awaitMessage(
                    receiver, m -> "group hello".equals(m.path("text").asText()));
            assertThat(group.path("is_group").asBoolean()).isTrue();
            assertThat(group.path("author").asText()).isEqualTo("15550003333@c.us");
            assertThat(group.path("from").asText()).isEqualTo("120363012345678901@g.us");
            sim.post("/sim/phones/" + PHONE + "/send", "{\"to\":\"15550002222\",\"text\":\"from my phone\"}");
            JsonNode mine = awaitMessage(
                    receiver, m -> "from my phone".equals(m.path("text").asText()));
            assertThat(mine.path("from_me").asBoolean()).isTrue();
            assertThat(mine.path("direction").asText()).isEqualTo("outbound");

            // The receiver is down: nothing is lost; once it is back every event arrives, in order.
            receiver.down(true);
            for (int i = 1; i <= 4; i++) {
                sim.post(
                        "/sim/phones/" + PHONE + "/inbound",
                        "{\"from\":\"15550002222\",\"text\":\"queued " + i + "\"}");
            }
            await("the receiver refused a delivery").atMost(EVENTUALLY).untilAsserted(() -> {
                JsonNode pending = api.get("/api/accounts/" + id + "/webhook-deliveries?status=PENDING")
                        .json();
                assertThat(pending.size()).isEqualTo(4);
                assertThat(pending.findValues("last_status_code")).anyMatch(c -> c.asInt() == 503);
            });
            receiver.down(false);
            await().atMost(EVENTUALLY)
                    .untilAsserted(() -> assertThat(receiver.messages().stream()
                                    .map(m -> m.path("text").asText())
                                    .filter(t -> t.startsWith("queued "))
                                    .toList())
                            .containsExactly("queued 1", "queued 2", "queued 3", "queued 4"));
            JsonNode deliveries =
                    api.get("/api/accounts/" + id + "/webhook-deliveries").json();
            assertThat(deliveries)
                    .allSatisfy(d -> assertThat(d.path("status").asText()).isEqualTo("DELIVERED"));
            JsonNode firstQueued = null;
            for (JsonNode d : deliveries) {
                if ("queued 1".equals(d.path("payload").path("text").asText())) {
                    firstQueued = d;
                }
            }
            assertThat(firstQueued).isNotNull();
            assertThat(firstQueued.path("attempts").asInt())
                    .as("retried while the receiver was down")
                    .isGreaterThan(1);
            assertThat(firstQueued.path("last_status_code").asInt()).isEqualTo(200);

            // QA step 7: send a text and a document through the API; they reach the phone's outbox and come back
            // to the webhook as outbound messages.
            sim.post("/sim/numbers", "{\"phone\":\"15550004444\"}");
            ApiClient.Response sent = api.post(
                    "/api/accounts/" + id + "/messages/send",
                    "{\"to\":\"+15550004444\",\"message\":\"Test from API\"}");
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
            String sentId = sent.text("message_id");
            assertThat(sentId).startsWith("true_15550004444@c.us_");
            assertThat(sent.text("status")).isEqualTo("sent");
            byte[] pdf = "%PDF-1.4\nreport\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
            ApiClient.Response doc = api.post(
                    "/api/accounts/" + id + "/messages/send",
                    "{\"to\":\"15550004444@c.us\",\"caption\":\"Q3\",\"media\":{\"mimetype\":\"application/pdf\","
                            + "\"filename\":\"../../report.pdf\",\"data\":\""
                            + Base64.getEncoder().encodeToString(pdf) + "\"}}");
            assertThat(doc.status()).as(doc.toString()).isEqualTo(200);
            JsonNode outbox = sim.get("/sim/phones/" + PHONE + "/outbox").json();
            JsonNode sentText = find(outbox, sentId);
            assertThat(sentText.path("text").asText()).isEqualTo("Test from API");
            assertThat(sentText.path("to").asText()).isEqualTo("15550004444@c.us");
            JsonNode sentDoc = find(outbox, doc.text("message_id"));
            assertThat(sentDoc.path("type").asText()).isEqualTo("document");
            assertThat(sentDoc.path("caption").asText()).isEqualTo("Q3");
            assertThat(sentDoc.path("filename").asText()).isEqualTo("report.pdf");
            assertThat(sentDoc.path("sha256").asText())
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
            JsonNode echoed = awaitMessage(
                    receiver, m -> sentId.equals(m.path("message_id").asText()));
            assertThat(echoed.path("direction").asText()).isEqualTo("outbound");

            ApiClient.Response unknown = api.post(
                    "/api/accounts/" + id + "/messages/send", "{\"to\":\"15559990000\",\"message\":\"anyone?\"}");
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.text("code")).isEqualTo("RECIPIENT_NOT_ON_WHATSAPP");
            assertThat(api.post("/api/accounts/" + id + "/messages/send", "{\"to\":\"abc\",\"message\":\"x\"}")
                            .text("code"))
                    .isEqualTo("VALIDATION_FAILED");

            // Receipts: the sent text becomes delivered, then read, in its status and as ack events.
            await().atMost(EVENTUALLY)
                    .untilAsserted(() -> assertThat(api.get("/api/accounts/" + id + "/messages/" + sentId)
                                    .text("status"))
                            .isEqualTo("read"));
            await().atMost(EVENTUALLY)
                    .untilAsserted(() -> assertThat(receiver.received().stream()
                                    .map(WebhookReceiver.Received::json)
                                    .filter(j -> "ack".equals(j.path("event").asText()))
                                    .filter(j ->
                                            sentId.equals(j.path("message_id").asText()))
                                    .map(j -> j.path("status").asText()))
                            .contains("delivered", "read"));

            // Idempotency-Key: the same key returns the first answer and sends nothing new.
            String once = "{\"to\":\"15550004444\",\"message\":\"only once\"}";
            ApiClient.Response first = api.send(
                    "POST",
                    "/api/accounts/" + id + "/messages/send",
                    once,
                    "application/json",
                    Map.of("Idempotency-Key", "order-42"));
            ApiClient.Response again = api.send(
                    "POST",
                    "/api/accounts/" + id + "/messages/send",
                    once,
                    "application/json",
                    Map.of("Idempotency-Key", "order-42"));
            assertThat(first.status()).as(first.toString()).isEqualTo(200);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.text("message_id")).isEqualTo(first.text("message_id"));
            assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(sim.get("/sim/phones/" + PHONE + "/outbox").json().findValuesAsText("text"))
                    .containsOnlyOnce("only once");
            ApiClient.Response reused = api.send(
                    "POST",
                    "/api/accounts/" + id + "/messages/send",
                    "{\"to\":\"15550004444\",\"message\":\"something else\"}",
                    "application/json",
                    Map.of("Idempotency-Key", "order-42"));
            assertThat(reused.status()).isEqualTo(422);
            assertThat(reused.text("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");

            // Hostile but valid content goes through the worker and WhatsApp unchanged and breaks nothing: script
            // and template text, direction overrides, emoji sequences, line breaks, a long text, and a file name
            // that tries path traversal and a right-to-left override (sanitised).
            List<String> hostile = List.of(
                    "</script><script>alert(1)</script> ${7*7} {{7*7}} '\");//",
                    "\u0645\u0631\u062d\u0628\u0627 \u202eevil\u202c \ud83d\udc69\u200d\ud83d\udcbb \u200b\ufeff",
                    "line 1\nline 2\r\n\ttabbed",
                    "long ".repeat(4000));
            for (String content : hostile) {
                ApiClient.Response r = api.post(
                        "/api/accounts/" + id + "/messages/send",
                        JSON.createObjectNode()
                                .put("to", "15550004444")
                                .put("message", content)
                                .toString());
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                assertThat(find(sim.get("/sim/phones/" + PHONE + "/outbox").json(), r.text("message_id"))
                                .path("text")
                                .asText())
                        .isEqualTo(content);
                String sentHostile = r.text("message_id");
                assertThat(awaitMessage(
                                        receiver,
                                        m -> sentHostile.equals(
                                                m.path("message_id").asText()))
                                .path("text")
                                .asText())
                        .as("the webhook carries it unchanged")
                        .isEqualTo(content);
            }
            ApiClient.Response trick = api.post(
                    "/api/accounts/" + id + "/messages/send",
                    "{\"to\":\"15550004444\",\"media\":{\"mimetype\":\"application/pdf\",\"filename\":"
                            + "\"..\\\\..\\\\invoice\\u202efdp.exe\",\"data\":\""
                            + Base64.getEncoder().encodeToString(pdf)
                            + "\"}}");
            assertThat(trick.status()).as(trick.toString()).isEqualTo(200);
            assertThat(find(sim.get("/sim/phones/" + PHONE + "/outbox").json(), trick.text("message_id"))
                            .path("filename")
                            .asText())
                    .isEqualTo("invoice_fdp.exe");
            assertThat(worker.isAlive()).isTrue();
            assertThat(api.get("/api/accounts/" + id).text("status")).isEqualTo("READY");

            // Rate limit (14 per minute here): the burst beyond it is refused with Retry-After, nothing queued.
            ApiClient.Response limited = null;
            for (int i = 0; i < 10 && limited == null; i++) {
                ApiClient.Response r = api.post(
                        "/api/accounts/" + id + "/messages/send",
                        "{\"to\":\"15550004444\",\"message\":\"burst " + i + "\"}");
                if (r.status() == 429) {
                    limited = r;
                } else {
                    assertThat(r.status()).as(r.toString()).isEqualTo(200);
                }
            }
            assertThat(limited).as("a send was rate limited").isNotNull();
            assertThat(limited.text("code")).isEqualTo("RATE_LIMITED");
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();

            // Every event was delivered exactly once (the event id is unique).
            List<String> eventIds = receiver.messages().stream()
                    .map(m -> m.path("event_id").asText())
                    .toList();
            assertThat(eventIds).doesNotHaveDuplicates();

            // A redelivery sends the same event again, with the same id.
            String redelivered = text.path("event_id").asText();
            assertThat(api.post("/api/accounts/" + id + "/webhook-deliveries/" + redelivered + "/redeliver", "")
                            .status())
                    .isEqualTo(202);
            await().atMost(EVENTUALLY)
                    .untilAsserted(() -> assertThat(receiver.messages().stream()
                                    .filter(m -> redelivered.equals(
                                            m.path("event_id").asText())))
                            .hasSize(2));

            // A new webhook URL applies to the next event, without restarting the session.
            assertThat(api.put("/api/accounts/" + id + "/webhook", "{\"webhook_url\":\"" + otherReceiver.url() + "\"}")
                            .status())
                    .isEqualTo(200);
            sim.post("/sim/phones/" + PHONE + "/inbound", "{\"from\":\"15550002222\",\"text\":\"to the new hook\"}");
            awaitMessage(
                    otherReceiver, m -> "to the new hook".equals(m.path("text").asText()));
            assertThat(receiver.messages())
                    .noneMatch(m -> "to the new hook".equals(m.path("text").asText()));
            assertThat(api.get("/api/accounts/" + id).text("status")).isEqualTo("READY");

            // No webhook request carried the signing secret or the API key, and neither do the metrics of the
            // gateway or the worker (the logs are checked when the platform closes).
            for (WebhookReceiver.Received request : concat(receiver.received(), otherReceiver.received())) {
                assertThat(new String(request.body(), StandardCharsets.UTF_8) + request.headers())
                        .doesNotContain(secret, ApiClient.TEST_API_KEY);
            }
            String metrics = api.get("/actuator/prometheus").body()
                    + platform.workerHttp().get("/actuator/prometheus").body();
            assertThat(metrics).contains("wamonitor_").doesNotContain(secret, ApiClient.TEST_API_KEY);

            // Every series the Grafana dashboard and the Prometheus alerts use exists, now that every path ran.
            await("browser memory reported")
                    .atMost(EVENTUALLY)
                    .until(() -> platform.workerHttp()
                            .get("/actuator/prometheus")
                            .body()
                            .contains("wamonitor_worker_browser_memory_bytes{"));
            String exposed = api.get("/actuator/prometheus").body()
                    + platform.workerHttp().get("/actuator/prometheus").body();
            for (String name : MonitoringFiles.metricNames()) {
                assertThat(exposed)
                        .as("the metric " + name + " used by grafana/ or prometheus/")
                        .containsAnyOf(name + "{", name + " ");
            }
        }
    }

    private static List<WebhookReceiver.Received> concat(
            List<WebhookReceiver.Received> a, List<WebhookReceiver.Received> b) {
        List<WebhookReceiver.Received> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void nothingIsLostWhenTheGatewayCrashesOrTheWorkerRestarts() {
        try (Platform platform =
                        new Platform().with("WEBHOOK_RETRY_BASE", "300ms").with("OUTBOUND_ALLOW", "127.0.0.1");
                WebhookReceiver receiver = new WebhookReceiver()) {
            platform.startSimulator();
            AppProcess gateway = platform.startGateway();
            AppProcess worker = platform.startWorker("worker-durable");
            ApiClient api = platform.api();
            ApiClient sim = platform.simulator();
            String id = api.post("/api/accounts", "{\"name\":\"Durable\",\"webhook_url\":\"" + receiver.url() + "\"}")
                    .text("id");
            link(api, sim, id);

            // The gateway is killed while deliveries are pending; they go out after it restarts.
            receiver.down(true);
            sim.post("/sim/phones/" + PHONE + "/inbound", "{\"from\":\"15550002222\",\"text\":\"pending 1\"}");
            sim.post("/sim/phones/" + PHONE + "/inbound", "{\"from\":\"15550002222\",\"text\":\"pending 2\"}");
            await().atMost(EVENTUALLY)
                    .untilAsserted(
                            () -> assertThat(api.get("/api/accounts/" + id + "/webhook-deliveries?status=PENDING")
                                            .json()
                                            .size())
                                    .isEqualTo(2));
            gateway.kill();
            receiver.down(false);
            platform.startGateway();
            await().atMost(EVENTUALLY)
                    .untilAsserted(() -> assertThat(texts(receiver)).containsExactly("pending 1", "pending 2"));

            // The worker is down while the phone receives messages; WhatsApp queues them, and they are all
            // captured when the session is back.
            worker.stop();
            for (int i = 1; i <= 3; i++) {
                sim.post(
                        "/sim/phones/" + PHONE + "/inbound",
                        "{\"from\":\"15550002222\",\"text\":\"offline " + i + "\"}");
            }
            platform.startWorker("worker-durable");
            await().atMost(EVENTUALLY)
                    .untilAsserted(() -> assertThat(texts(receiver))
                            .containsExactly("pending 1", "pending 2", "offline 1", "offline 2", "offline 3"));
        }
    }

    private static List<String> texts(WebhookReceiver receiver) {
        return receiver.messages().stream().map(m -> m.path("text").asText()).toList();
    }

    private static JsonNode find(JsonNode outbox, String messageId) {
        for (JsonNode entry : outbox) {
            if (messageId.equals(entry.path("message_id").asText())) {
                return entry;
            }
        }
        throw new AssertionError(messageId + " is not in the outbox " + outbox);
    }

    private static void link(ApiClient api, ApiClient sim, String id) {
        BrowserSessionIT.scan(api, sim, id);
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(api.get("/api/accounts/" + id).text("status"))
                        .isEqualTo("READY"));
    }

    private static JsonNode awaitMessage(WebhookReceiver receiver, Predicate<JsonNode> match) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            List<JsonNode> matching = receiver.messages().stream().filter(match).toList();
            assertThat(matching).hasSize(1);
            found[0] = matching.get(0);
        });
        return found[0];
    }

    private static String sign(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
