package io.wamonitor.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.event.AccountIncident;
import io.wamonitor.contracts.event.AccountStatusChanged;
import io.wamonitor.contracts.event.MessageCaptured;
import io.wamonitor.gateway.GatewayTestSupport;
import io.wamonitor.testkit.ApiClient;
import io.wamonitor.testkit.RabbitBrokerExtension;
import io.wamonitor.testkit.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dispatcher against real receivers: a dead host does not hold up another, and old records are purged. */
@ExtendWith(RabbitBrokerExtension.class)
@AutoConfigureObservability
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "wamonitor.outbound.allow=127.0.0.1", "wamonitor.webhook.retry-base=50ms",
            "wamonitor.webhook.max-attempts=50", "wamonitor.webhook.timeout=1s",
            "wamonitor.webhook.retry-max-delay=2s", "wamonitor.accounts.max=20"
        })
class WebhookDispatchIT {

    static final GatewayTestSupport support = new GatewayTestSupport();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        support.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    WebhookIntake intake;

    @Autowired
    DeliveryStore store;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    MongoTemplate mongo;

    HttpServer live;
    final AtomicInteger liveHits = new AtomicInteger();
    ApiClient api;

    @BeforeEach
    void startReceiver() throws IOException {
        api = ApiClient.onPort(port);
        live = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        live.createContext("/hook", exchange -> {
            liveHits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        live.start();
    }

    @AfterEach
    void stopReceiver() {
        live.stop(0);
    }

    @Test
    void aDeadReceiverTripsItsCircuitWithoutHoldingUpAnother() throws IOException {
        String deadUrl = "http://127.0.0.1:" + closedPort() + "/hook";
        String liveUrl = "http://127.0.0.1:" + live.getAddress().getPort() + "/hook";
        UUID dead = account(deadUrl);
        UUID healthy = account(liveUrl);

        for (int i = 0; i < 3; i++) {
            intake.onMessage(dead, message("dead-" + i));
        }
        intake.onMessage(healthy, message("live-0"));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(store.forAccount(healthy.toString(), Delivery.Status.DELIVERED, 10))
                        .hasSize(1));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(store.forAccount(dead.toString(), Delivery.Status.PENDING, 10))
                        .anyMatch(d -> String.valueOf(d.lastError()).contains("keeps failing")));
        List<Delivery> stuck = store.forAccount(dead.toString(), null, 10);
        assertThat(stuck).allMatch(d -> d.status() == Delivery.Status.PENDING);
        assertThat(stuck.stream().mapToInt(Delivery::attempts).sum())
                .as("the open circuit stops the attempts")
                .isLessThan(15);

        intake.onMessage(healthy, message("live-1"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(liveHits.get()).isEqualTo(2));
    }

    @Test
    void finishedRecordsOlderThanTheRetentionArePurged() {
        String liveUrl = "http://127.0.0.1:" + live.getAddress().getPort() + "/hook";
        UUID account = account(liveUrl);
        intake.onMessage(account, message("old"));
        intake.onMessage(account, message("recent"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(store.forAccount(account.toString(), Delivery.Status.DELIVERED, 10))
                        .hasSize(2));
        String oldId = store.forAccount(account.toString(), null, 10).stream()
                .filter(d -> d.body().contains("\"old\""))
                .findFirst()
                .orElseThrow()
                .id();
        mongo.updateFirst(
                Query.query(where("_id").is(oldId)),
                new Update().set("updated_at", Instant.now().minus(Duration.ofDays(8))),
                DeliveryStore.COLLECTION);

        dispatcher.purge();

        assertThat(store.forAccount(account.toString(), null, 10))
                .extracting(Delivery::id)
                .doesNotContain(oldId)
                .hasSize(1);
    }

    @Test
    void theCircuitOfAReceiverNoAccountUsesAnyMoreIsForgottenWithItsSeries() throws IOException {
        String liveUrl = "http://127.0.0.1:" + live.getAddress().getPort() + "/hook";
        UUID account = account(liveUrl);
        intake.onMessage(account, message("one"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(store.forAccount(account.toString(), Delivery.Status.DELIVERED, 10))
                        .hasSize(1));
        String series = "name=\"127.0.0.1:" + live.getAddress().getPort() + "\"";
        assertThat(api.get("/actuator/prometheus").body()).contains(series);

        dispatcher.forgetUnusedReceivers();
        assertThat(api.get("/actuator/prometheus").body()).as("still in use").contains(series);

        api.put(
                "/api/accounts/" + account + "/webhook",
                "{\"webhook_url\":\"http://127.0.0.1:" + closedPort() + "/x\"}");
        dispatcher.forgetUnusedReceivers();
        assertThat(api.get("/actuator/prometheus").body()).doesNotContain(series);
    }

    @Test
    void oneAccountsBacklogDoesNotDelayAnotherAccountsDueDelivery() throws IOException {
        // A receiver that hangs: the busy account's deliveries time out and stay due, one after another.
        CountDownLatch release = new CountDownLatch(1);
        HttpServer hanging = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hanging.createContext("/hook", exchange -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        hanging.start();
        try {
            String busyUrl = "http://127.0.0.1:" + hanging.getAddress().getPort() + "/hook";
            String quietUrl = "http://127.0.0.1:" + live.getAddress().getPort() + "/hook";
            UUID busy = account(busyUrl);
            UUID quiet = account(quietUrl);
            Instant now = Instant.now();
            for (int i = 0; i < 1_500; i++) {
                store.insert(delivery(busy, busyUrl, i, now));
            }
            // A delivery that falls due (a retry, say): no event wakes its account, only the dispatcher's poll.
            store.insert(delivery(quiet, quietUrl, 10_000, now));
            await("the quiet account's delivery, despite 1500 older ones of another account")
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(liveHits.get()).isEqualTo(1));
            assertThat(store.forAccount(busy.toString(), Delivery.Status.PENDING, 2_000)
                            .size())
                    .as("the busy account is still draining")
                    .isGreaterThan(1_000);
        } finally {
            release.countDown();
            hanging.stop(0);
        }
    }

    @Test
    void aDeliveryIsRetriedUntilTheHorizonThenFailed() throws IOException {
        String url = "http://127.0.0.1:" + closedPort() + "/hook";
        UUID account = account(url);
        Instant createdLongAgo =
                Instant.now().minus(WebhookSettings.DEFAULT_RETRY_HORIZON).plusSeconds(2);
        Delivery old = delivery(account, url, 1, createdLongAgo);
        store.insert(old);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Delivery failed = store.find(account.toString(), old.id()).orElseThrow();
            assertThat(failed.status()).isEqualTo(Delivery.Status.FAILED);
            assertThat(failed.lastError()).isNotBlank();
        });
    }

    @Test
    void retriesWaitLongerEachTimeButNeverMoreThanTheMaximumDelay() {
        assertThat(dispatcher.backoff(1)).isBetween(Duration.ofMillis(40), Duration.ofMillis(60));
        assertThat(dispatcher.backoff(3)).isBetween(Duration.ofMillis(640), Duration.ofMillis(960));
        assertThat(dispatcher.backoff(40)).isLessThanOrEqualTo(Duration.ofMillis(2_400));
    }

    private static Delivery delivery(UUID account, String url, long seq, Instant createdAt) {
        return new Delivery(
                UUID.randomUUID().toString(),
                account.toString(),
                "message",
                url,
                "{\"n\":" + seq + "}",
                seq,
                Delivery.Status.PENDING,
                0,
                Instant.now(),
                null,
                null,
                null,
                createdAt,
                createdAt,
                null);
    }

    @Test
    void anIncidentReachesReceiversSubscribedToIncidentsOnceSignedWithWhereItsScreenshotIs() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            ApiClient.Response created = api.post(
                    "/api/accounts",
                    "{\"name\":\"watched\",\"webhook_url\":\"" + receiver.url()
                            + "\",\"webhook_events\":[\"status\",\"incident\"]}");
            String id = created.text("id");
            String secret = created.text("webhook_secret");
            String other = api.post(
                            "/api/accounts", "{\"name\":\"messages only\",\"webhook_url\":\"" + receiver.url() + "\"}")
                    .text("id");
            AccountIncident reload = new AccountIncident(
                    UUID.randomUUID(),
                    Instant.parse("2026-12-01T10:00:00Z"),
                    AccountStatus.READY,
                    AccountStatus.READY,
                    "no contact with WhatsApp's servers for 301 s and the round trip failed",
                    "reload",
                    "server_silent",
                    GatewayTestSupport.WORKER,
                    Base64.getEncoder().encodeToString(PNG_1X1),
                    null);
            support.publishEvent(UUID.fromString(id), reload, Instant.now());
            support.publishEvent(UUID.fromString(id), reload, Instant.now()); // the worker's event came twice
            support.publishEvent(UUID.fromString(other), reload, Instant.now());

            JsonNode event = await("the incident on the webhook")
                    .atMost(Duration.ofSeconds(20))
                    .until(receiver::received, r -> !r.isEmpty())
                    .get(0)
                    .json();
            assertThat(event.path("event").asText()).isEqualTo("incident");
            assertThat(event.path("account_id").asText()).isEqualTo(id);
            assertThat(event.path("incident_id").asText())
                    .isEqualTo(reload.incidentId().toString());
            assertThat(event.path("heal_step").asText()).isEqualTo("reload");
            assertThat(event.path("heal_reason").asText()).isEqualTo("server_silent");
            assertThat(event.path("timestamp").asLong()).isEqualTo(reload.at().getEpochSecond());
            // A receiver has no API key: the picture is at a signed, expiring URL, stored when the event arrives.
            String screenshot = event.path("screenshot_url").asText();
            assertThat(screenshot)
                    .startsWith("http://localhost:" + port + "/incident-screenshots/" + reload.incidentId());
            HttpResponse<byte[]> picture = fetch(screenshot);
            assertThat(picture.statusCode()).isEqualTo(200);
            assertThat(picture.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(picture.body()).isEqualTo(PNG_1X1);
            HttpResponse<byte[]> tampered = fetch(screenshot + "x");
            assertThat(tampered.statusCode()).isEqualTo(403);
            assertThat(new String(tampered.body(), StandardCharsets.UTF_8)).contains("SCREENSHOT_URL_INVALID");
            HttpResponse<byte[]> otherIncident = fetch(screenshot.replace(
                    reload.incidentId().toString(), UUID.randomUUID().toString()));
            assertThat(otherIncident.statusCode())
                    .as("the signature opens this incident's picture only")
                    .isEqualTo(403);
            String path = screenshot.substring(screenshot.indexOf("/incident-screenshots/"));
            String signature = screenshot.substring(screenshot.indexOf("&signature=") + "&signature=".length());
            assertThat(fetch(screenshot.replace("/incident-screenshots/", "/media/"))
                            .statusCode())
                    .as("nor any media")
                    .isEqualTo(403);
            HttpResponse<byte[]> farFuture = fetch("http://localhost:" + port + path.substring(0, path.indexOf('?'))
                    + "?expires=" + Long.MAX_VALUE + "&signature=" + signature);
            assertThat(farFuture.statusCode()).as("an expiry beyond any date").isEqualTo(403);
            WebhookReceiver.Received request = receiver.received().get(0);
            assertThat(request.header("X-Webhook-Signature"))
                    .isEqualTo(WebhookSigner.signature(secret, request.body()));

            // Another event after it, so that a second delivery of the incident would have arrived by then.
            support.publishEvent(
                    UUID.fromString(id),
                    new AccountStatusChanged(AccountStatus.AUTH, "restarted", GatewayTestSupport.WORKER),
                    Instant.now());
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> receiver.received().size() >= 2);
            assertThat(receiver.received().stream()
                            .map(r -> r.json().path("event").asText())
                            .toList())
                    .as("once, and nothing for the account that wants only messages")
                    .containsExactly("incident", "status");
        }
    }

    private static HttpResponse<byte[]> fetch(String url) {
        try {
            return HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A 1x1 PNG. */
    private static final byte[] PNG_1X1 = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private UUID account(String webhookUrl) {
        return UUID.fromString(api.post("/api/accounts", "{\"name\":\"hook\",\"webhook_url\":\"" + webhookUrl + "\"}")
                .text("id"));
    }

    private static MessageCaptured message(String text) {
        return new MessageCaptured(
                "false_15550002222@c.us_" + UUID.randomUUID().toString().replace("-", ""),
                "15550002222@c.us",
                "15550002222@c.us",
                "15550001111@c.us",
                null,
                false,
                false,
                "chat",
                text,
                Instant.now().getEpochSecond(),
                null,
                null);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
