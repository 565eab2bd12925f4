package io.wamonitor.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.Payload;
import io.wamonitor.contracts.command.DeleteSession;
import io.wamonitor.contracts.command.StartSession;
import io.wamonitor.contracts.command.StopSession;
import io.wamonitor.contracts.event.AccountStatusChanged;
import io.wamonitor.gateway.AbstractGatewayIT;
import io.wamonitor.gateway.GatewayTestSupport;
import io.wamonitor.testkit.ApiClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountApiIT extends AbstractGatewayIT {

    @Test
    void apiRootAnswersWithTheBanner() {
        ApiClient.Response response = api.get("/api");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("message").asText()).isEqualTo("WhatsApp Monitoring API v1.0");
    }

    @Test
    void createdAccountStartsInInitWithSnakeCaseFields() {
        ApiClient.Response created = api.post(
                "/api/accounts", "{\"name\":\"Support Account\",\"webhook_url\":\"https://hooks.example.com/wa\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode account = created.json();
        assertThat(UUID.fromString(account.path("id").asText())).isNotNull();
        assertThat(account.path("name").asText()).isEqualTo("Support Account");
        assertThat(account.path("status").asText()).isEqualTo("INIT");
        assertThat(account.path("webhook_url").asText()).isEqualTo("https://hooks.example.com/wa");
        assertThat(account.has("qr_code")).isTrue();
        assertThat(account.path("qr_code").isNull()).isTrue();
        assertThat(account.path("phone").isNull()).isTrue();
        assertThat(Instant.parse(account.path("created_at").asText())).isNotNull();
        assertThat(Instant.parse(account.path("updated_at").asText())).isNotNull();
        assertThat(created.headers().firstValue("Location").orElseThrow())
                .endsWith("/api/accounts/" + account.path("id").asText());
    }

    @Test
    void createdAccountIsListedAndReadableById() {
        String first = api.post("/api/accounts", "{\"name\":\"First\"}").text("id");
        String second = api.post("/api/accounts", "{\"name\":\"Second\"}").text("id");

        List<String> listed = new ArrayList<>();
        api.get("/api/accounts").json().forEach(a -> listed.add(a.path("id").asText()));
        assertThat(listed).containsExactly(first, second);

        ApiClient.Response one = api.get("/api/accounts/" + second);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("name").asText()).isEqualTo("Second");
        assertThat(one.json().path("webhook_url").isNull()).isTrue();
    }

    @Test
    void webhookUrlCanBeChangedAndRemoved() {
        String id = api.post("/api/accounts", "{\"name\":\"Hooked\"}").text("id");

        ApiClient.Response changed =
                api.put("/api/accounts/" + id + "/webhook", "{\"webhook_url\":\"http://receiver.example.org/in\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("webhook_url")).isEqualTo("http://receiver.example.org/in");
        assertThat(api.get("/api/accounts/" + id).text("webhook_url")).isEqualTo("http://receiver.example.org/in");

        ApiClient.Response removed = api.put("/api/accounts/" + id + "/webhook", "{\"webhook_url\":null}");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(api.get("/api/accounts/" + id).json().path("webhook_url").isNull())
                .isTrue();
    }

    @Test
    void creatingSendsAStartCommandAndDeletingSendsStopThenDelete() {
        support.takeCommands();
        String id = api.post("/api/accounts", "{\"name\":\"Commanded\"}").text("id");

        List<Envelope<Payload>> afterCreate = support.takeCommands();
        assertThat(afterCreate).singleElement().satisfies(command -> {
            assertThat(command.type()).isEqualTo("session.start.v1");
            assertThat(command.accountId()).hasToString(id);
            assertThat(command.payload()).isEqualTo(new StartSession("Commanded"));
        });

        assertThat(api.delete("/api/accounts/" + id).status()).isEqualTo(200);
        List<Envelope<Payload>> afterDelete = support.takeCommands();
        assertThat(afterDelete)
                .extracting(Envelope::payload)
                .hasExactlyElementsOfTypes(StopSession.class, DeleteSession.class);
        assertThat(afterDelete).allSatisfy(c -> assertThat(c.accountId()).hasToString(id));
    }

    @Test
    void theWebhookSecretIsShownOnceAndCanBeRotated() {
        ApiClient.Response created = api.post("/api/accounts", "{\"name\":\"Signed\"}");
        String secret = created.text("webhook_secret");
        String id = created.text("id");

        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(api.get("/api/accounts/" + id).body()).doesNotContain(secret).doesNotContain("webhook_secret");
        assertThat(api.get("/api/accounts").body()).doesNotContain(secret);

        ApiClient.Response rotated = api.post("/api/accounts/" + id + "/webhook-secret", "");
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.text("webhook_secret")).startsWith("whsec_").isNotEqualTo(secret);
    }

    @Test
    void deletedAccountIsGone() {
        String id = api.post("/api/accounts", "{\"name\":\"Short lived\"}").text("id");

        assertThat(api.delete("/api/accounts/" + id).status()).isEqualTo(200);

        assertThat(api.get("/api/accounts/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/api/accounts/" + id).text("code")).isEqualTo("ACCOUNT_NOT_FOUND");
    }

    @Test
    void statusReportedByTheWorkerIsShownAndStaleReportsAreIgnored() {
        String id = api.post("/api/accounts", "{\"name\":\"Observed\"}").text("id");
        UUID account = UUID.fromString(id);
        Instant now = Instant.now();

        support.publishEvent(
                account, new AccountStatusChanged(AccountStatus.QR, "scan the code", GatewayTestSupport.WORKER), now);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode shown = api.get("/api/accounts/" + id).json();
            assertThat(shown.path("status").asText()).isEqualTo("QR");
            assertThat(shown.path("status_reason").asText()).isEqualTo("scan the code");
            assertThat(shown.path("worker_id").asText()).isEqualTo(GatewayTestSupport.WORKER);
        });

        // An older observation arriving late must not overwrite the newer one.
        support.publishEvent(
                account,
                new AccountStatusChanged(AccountStatus.INIT, "old news", GatewayTestSupport.WORKER),
                now.minusSeconds(30));
        support.publishEvent(
                account,
                new AccountStatusChanged(AccountStatus.READY, "linked", GatewayTestSupport.WORKER),
                now.plusSeconds(1));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api.get("/api/accounts/" + id).text("status"))
                        .isEqualTo("READY"));
        assertThat(api.get("/api/accounts/" + id).text("status_reason")).isEqualTo("linked");
    }

    @Test
    void statusForAnUnknownAccountChangesNothing() {
        support.publishEvent(
                UUID.randomUUID(),
                new AccountStatusChanged(AccountStatus.READY, "ghost", GatewayTestSupport.WORKER),
                Instant.now());
        String id = api.post("/api/accounts", "{\"name\":\"Real\"}").text("id");

        assertThat(api.get("/api/accounts").json()).hasSize(1);
        assertThat(api.get("/api/accounts/" + id).text("status")).isEqualTo("INIT");
    }

    @Test
    void poisonEventLandsInTheDeadLetterQueue() {
        String dlq = support.topology().deadLetterQueue(support.topology().gatewayEventsQueue());
        byte[] poison = "{\"id\":\"7d1f6a62-4c1e-4b8e-9d2a-0b6a4f1e2c04\",\"type\":\"account.explode.v1\"}"
                .getBytes(StandardCharsets.UTF_8);

        support.publishRaw(support.topology().eventsExchange(), "account.explode.v1", poison);

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(support.broker().take(dlq))
                        .hasValueSatisfying(message -> assertThat(new String(message.getBody(), StandardCharsets.UTF_8))
                                .contains("account.explode.v1")));
        assertThat(api.get("/api").status()).as("gateway still serves").isEqualTo(200);
    }

    @Test
    void corsAllowsAnyOriginByDefault() {
        ApiClient.Response preflight = api.send(
                "OPTIONS",
                "/api/accounts",
                null,
                null,
                Map.of(
                        "Origin", "https://dashboard.example.com",
                        "Access-Control-Request-Method", "POST"));

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://dashboard.example.com");
    }
}
