package io.wamonitor.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wamonitor.contracts.event.MessageCaptured;
import io.wamonitor.gateway.AbstractGatewayIT;
import io.wamonitor.testkit.ApiClient;
import io.wamonitor.testkit.RawHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The API key, webhook secrets and tokens in webhook URLs are handled on every path that could echo them
 * (answers, problems, delivery records, metrics, OpenAPI, the log) and appear in none of them, except the one
 * answer that hands a webhook secret out.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutIT extends AbstractGatewayIT {

    private static final String URL_TOKEN =
            "tok_" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void secretsAppearOnlyWhereTheyAreHandedOut(CapturedOutput log) throws Exception {
        // The webhook URL carries a token, as many receivers require; it names a host that does not resolve, so
        // the failed-attempt path with its error text is exercised.
        String hook = "https://hooks.invalid/in?token=" + URL_TOKEN;
        ApiClient.Response created = api.post(
                "/api/accounts",
                "{\"name\":\"Secretive\",\"webhook_url\":\"" + hook
                        + "\",\"webhook_events\":[\"message\",\"status\"]}");
        String id = created.text("id");
        String first = created.text("webhook_secret");
        assertThat(first).startsWith("whsec_").hasSizeGreaterThan(30);
        String second = api.post("/api/accounts/" + id + "/webhook-secret", "").text("webhook_secret");
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);

        support.publishEvent(
                UUID.fromString(id),
                new MessageCaptured(
                        "false_15550002222@c.us_ABC",
                        "15550002222@c.us",
                        "15550002222@c.us",
                        "15550001111@c.us",
                        null,
                        false,
                        false,
                        "chat",
                        "hello",
                        Instant.now().getEpochSecond(),
                        null,
                        null),
                Instant.now());
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api
                                .get("/api/accounts/" + id + "/webhook-deliveries")
                                .json()
                                .findValuesAsText("last_error")
                                .stream()
                                .anyMatch(e -> e.contains("cannot be resolved")));
        assertThat(api.get("/api/accounts/" + id + "/webhook-deliveries")
                        .json()
                        .get(0)
                        .path("status")
                        .asText())
                .as("a name that does not resolve may be a DNS hiccup: retried, not given up")
                .isEqualTo("PENDING");

        List<String> answers = new ArrayList<>();
        for (String path : List.of(
                "/api/accounts",
                "/api/accounts/" + id,
                "/api/accounts/" + id + "/webhook-deliveries",
                "/api/workers",
                "/api",
                "/openapi.json",
                "/actuator/health",
                "/actuator/prometheus")) {
            ApiClient.Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            answers.add(path + " " + response.body());
        }
        answers.add(api.get("/api/accounts/" + id + "/qr").body());
        ApiClient.Response trace = api.send("TRACE", "/api/accounts", null, null, Map.of());
        assertThat(trace.status()).isEqualTo(405);
        answers.add(trace.headers().map() + trace.body());
        answers.add(api.put("/api/accounts/" + id + "/webhook", "{\"webhook_url\":\"" + hook + "#x y\"}")
                .body());
        // Secrets presented as API keys are refused without being echoed (from an address of their own, so the
        // failures do not slow down the other tests).
        for (String header : List.of(
                "X-Api-Key: " + first,
                "Authorization: Bearer " + second,
                "X-Api-Key: " + ApiClient.TEST_API_KEY + "x")) {
            answers.add(raw("GET /api/accounts HTTP/1.1\r\nHost: x\r\n" + header + "\r\nConnection: close\r\n\r\n"));
        }

        assertThat(String.join("\n", answers))
                .doesNotContain(first, second, ApiClient.TEST_API_KEY)
                .contains(URL_TOKEN); // the owner sees their own webhook URL, token included
        assertThat(log.getAll()).doesNotContain(first, second, ApiClient.TEST_API_KEY, URL_TOKEN, "whsec_");
    }

    private String raw(String request) {
        RawHttp.Answer answer = RawHttp.send(port, "127.0.0.4", request);
        assertThat(answer.status()).isEqualTo(401);
        return answer.headers() + "\r\n\r\n" + answer.body();
    }
}
