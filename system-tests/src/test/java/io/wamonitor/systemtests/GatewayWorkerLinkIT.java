package io.wamonitor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamonitor.testkit.ApiClient;
import io.wamonitor.testkit.AppProcess;
import io.wamonitor.testkit.Platform;
import io.wamonitor.testkit.RabbitBrokerExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway and the worker as two processes talking over RabbitMQ, driven through the public API. Browsers
 * are not under test here (BrowserSessionIT covers them): with no Chromium every launch fails fast.
 */
@ExtendWith(RabbitBrokerExtension.class)
class GatewayWorkerLinkIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    @Test
    void aWorkerStartedAfterTheAccountWasCreatedStillGetsTheCommand() {
        try (Platform platform = new Platform().with("CHROMIUM_PATH", "/nonexistent/chromium")) {
            platform.startGateway();
            ApiClient api = platform.api();

            // Step 1: create the account while no worker runs; the start command waits in its queue.
            String id = api.post("/api/accounts", "{\"name\":\"Early bird\"}").text("id");
            JsonNode waiting = api.get("/api/accounts/" + id).json();
            assertThat(waiting.path("status").asText()).isEqualTo("INIT");
            assertThat(waiting.path("worker_id").isNull()).isTrue();

            // Step 2: the worker starts, takes the command, and the gateway shows what it reported.
            platform.startWorker("worker-late");
            await("worker reports the account").atMost(EVENTUALLY).untilAsserted(() -> {
                JsonNode account = api.get("/api/accounts/" + id).json();
                assertThat(account.path("worker_id").asText()).isEqualTo("worker-late");
                assertThat(account.path("status").asText()).isIn("INIT", "FAILED");
                assertThat(account.path("status_reason").asText())
                        .isNotEqualTo("waiting for a worker to take the session");
            });
            await("worker lists it in its heartbeat")
                    .atMost(EVENTUALLY)
                    .untilAsserted(() ->
                            assertThat(worker(api).path("accounts").toString()).contains(id));

            // Step 3: deleting the account frees the worker's slot.
            assertThat(api.delete("/api/accounts/" + id).status()).isEqualTo(200);
            await("slot released").atMost(EVENTUALLY).untilAsserted(() -> {
                JsonNode worker = worker(api);
                assertThat(worker.path("slots_used").asInt()).isZero();
                assertThat(worker.path("accounts")).isEmpty();
            });
        }
    }

    @Test
    void aRestartedWorkerIsGivenItsAccountsBack() {
        try (Platform platform = new Platform()
                .with("RECONCILE_GRACE", "1s")
                .with("RECONCILE_RESEND_AFTER", "2s")
                .with("CHROMIUM_PATH", "/nonexistent/chromium")) {
            platform.startGateway();
            ApiClient api = platform.api();
            AppProcess worker = platform.startWorker("worker-phoenix");
            String id = api.post("/api/accounts", "{\"name\":\"Kept\"}").text("id");
            await().atMost(EVENTUALLY)
                    .untilAsserted(() ->
                            assertThat(worker(api).path("accounts").toString()).contains(id));

            // The worker dies and comes back with empty slots; the gateway re-sends the start command.
            worker.kill();
            AppProcess reborn = platform.startWorker("worker-phoenix");
            await("worker restarted empty")
                    .atMost(EVENTUALLY)
                    .untilAsserted(() -> assertThat(reborn.log()).contains("Started WorkerApplication"));
            await("account held again").atMost(EVENTUALLY).untilAsserted(() -> {
                JsonNode current = worker(api);
                assertThat(current.path("started_at").asText()).isNotBlank();
                assertThat(current.path("accounts").toString()).contains(id);
                assertThat(reborn.log()).contains("Account " + id);
            });
        }
    }

    @Test
    void anAccountCreatedJustBeforeTheGatewayIsKilledSurvivesTheRestart() {
        try (Platform platform = new Platform()) {
            AppProcess gateway = platform.startGateway();
            ApiClient api = platform.api();
            String id =
                    api.post("/api/accounts", "{\"name\":\"Crash survivor\"}").text("id");

            gateway.kill();
            platform.startGateway();

            ApiClient.Response account = api.get("/api/accounts/" + id);
            assertThat(account.status()).isEqualTo(200);
            assertThat(account.text("name")).isEqualTo("Crash survivor");
            await().atMost(EVENTUALLY).until(() -> platform.gatewayLogContains("Found 1 existing accounts"));
        }
    }

    private static JsonNode worker(ApiClient api) {
        JsonNode workers = api.get("/api/workers").json();
        assertThat(workers).hasSize(1);
        return workers.get(0);
    }
}
