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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * scripts/qa.sh, the product brief's QA checklist as a script, run as a user runs it against the sandbox
 * (simulator, gateway and worker as processes), with LOG_FORMAT=json: every step passes, and every line the three
 * processes log is one JSON object, the gateway's carrying the request and account ids, the worker's its own id
 * and the account's.
 */
@Tag("browser")
@ExtendWith(RabbitBrokerExtension.class)
class QaChecklistIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theChecklistScriptPassesEveryStepAndTheLogsAreJsonLines() throws Exception {
        try (Platform platform = new Platform().with("LOG_FORMAT", "json").with("OUTBOUND_ALLOW", "127.0.0.1")) {
            AppProcess simulator = platform.startSimulator();
            AppProcess gateway = platform.startGateway();
            AppProcess worker = platform.startWorker("worker-qa");
            ApiClient api = platform.api();
            Path out = Path.of("target", "qa").toAbsolutePath();
            Files.createDirectories(out);

            ProcessBuilder qa = new ProcessBuilder(
                            "bash", Path.of("../scripts/qa.sh").toAbsolutePath().toString(), api.baseUrl())
                    .directory(out.toFile())
                    .redirectErrorStream(true);
            qa.environment().put("API_KEYS", ApiClient.TEST_API_KEY);
            qa.environment().put("SIM_URL", platform.simulator().baseUrl());
            Process process = qa.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

            assertThat(process.exitValue()).as(output).isZero();
            for (int step = 1; step <= 8; step++) {
                assertThat(output).containsPattern("(?m)^" + step + "\\. .* \\.\\.\\. ok");
            }
            assertThat(output).contains("All 8 steps passed");
            assertThat(Files.readAllBytes(out.resolve("whatsapp.png")))
                    .startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

            List<JsonNode> gatewayLines = jsonLines(gateway);
            assertThat(gatewayLines)
                    .as("a request's lines carry its id and the account's")
                    .anySatisfy(line -> {
                        assertThat(line.path("request_id").asText()).isNotBlank();
                        assertThat(line.path("account_id").asText()).isNotBlank();
                    });
            assertThat(jsonLines(worker)).anySatisfy(line -> {
                assertThat(line.path("worker_id").asText()).isEqualTo("worker-qa");
                assertThat(line.path("account_id").asText()).isNotBlank();
            });
            assertThat(jsonLines(simulator)).isNotEmpty();
        }
    }

    /**
     * The sandbox as ./run.sh --sandbox runs it, stopped (Ctrl-C stops all three) and started again: the simulator
     * kept WhatsApp's side under SIM_DATA_DIR, so the linked account comes back READY without a QR code, as with a
     * real phone.
     */
    @Test
    void aLinkedSandboxAccountIsReadyAgainAfterTheWholeSandboxRestartsWithoutAQrCode() {
        try (Platform platform = new Platform().with("OUTBOUND_ALLOW", "127.0.0.1");
                WebhookReceiver receiver = new WebhookReceiver()) {
            platform.startAll("worker-sandbox");
            String id = platform.api()
                    .post(
                            "/api/accounts",
                            "{\"name\":\"Sandbox\",\"webhook_url\":\"" + receiver.url()
                                    + "\",\"webhook_events\":[\"status\"]}")
                    .text("id");
            platform.link(id, "15550006001");
            // Which WhatsApp Web build and wa-js the page runs, for the operator (the simulator's own numbers).
            JsonNode account = platform.api().get("/api/accounts/" + id).json();
            assertThat(account.path("whatsapp_web_version").asText()).startsWith("2.3000.");
            assertThat(account.path("wa_js_version").asText()).isEqualTo("4.6.0");
            await("the versions in the worker's metrics")
                    .atMost(Duration.ofSeconds(40))
                    .untilAsserted(() -> assertThat(platform.workerHttp()
                                    .get("/actuator/prometheus")
                                    .body())
                            .contains("wamonitor_worker_whatsapp_web_info{")
                            .contains("wa_js_version=\"4.6.0\""));

            platform.worker().stop();
            platform.gateway().stop();
            platform.stopSimulator();
            Instant restarted = Instant.now();
            platform.startAll("worker-sandbox");

            platform.awaitStatus(id, "READY");
            // The READY webhook follows the account's status on its own time.
            await("the READY webhook after the restart")
                    .atMost(Duration.ofSeconds(40))
                    .untilAsserted(
                            () -> assertThat(statusesSince(receiver, restarted)).contains("READY"));
            assertThat(statusesSince(receiver, restarted))
                    .as("statuses after the restart")
                    .doesNotContain("QR", "LOGGED_OUT");
        }
    }

    private static List<String> statusesSince(WebhookReceiver receiver, Instant since) {
        return receiver.received().stream()
                .filter(r -> !r.at().isBefore(since))
                .map(r -> r.json().path("status").asText())
                .toList();
    }

    /** Every line of the process's log, each a JSON object. */
    private static List<JsonNode> jsonLines(AppProcess process) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : process.log().lines().filter(l -> !l.isBlank()).toList()) {
            assertThat(line).as(process + " logs JSON lines").startsWith("{");
            JsonNode node = JSON.readTree(line);
            assertThat(node.path("message").isTextual()).as(line).isTrue();
            lines.add(node);
        }
        return lines;
    }
}
