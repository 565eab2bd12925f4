package io.wamonitor.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamonitor.testkit.ApiClient;
import io.wamonitor.testkit.AppProcess;
import io.wamonitor.testkit.Platform;
import io.wamonitor.testkit.PrometheusText;
import io.wamonitor.testkit.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the platform as an operator would (simulator as WhatsApp, gateway, one worker), links a number of
 * accounts and measures what users and SREs care about: how long linking takes, how much memory each account
 * costs, how fast messages reach the webhook and how fast sends are answered. Writes docs/PERFORMANCE.md.
 */
public final class Benchmark {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String RECIPIENT = "15559990000";

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        int accounts = Integer.getInteger("bench.accounts", 5);
        int messages = Integer.getInteger("bench.messages", 40);
        long spacing = Long.getLong("bench.spacing", 0);
        Path report = Path.of(System.getProperty("bench.report", "docs/PERFORMANCE.md"));
        Measurements m = new Measurements(accounts, messages, spacing);

        try (Platform platform = new Platform()
                        .with("MAX_WHATSAPP_ACCOUNTS", String.valueOf(accounts))
                        .with("WORKER_MAX_SESSIONS", String.valueOf(accounts))
                        .with("OUTBOUND_ALLOW", "127.0.0.1")
                        .with("SEND_RATE_LIMIT", "100000")
                        .with("SIM_CIPHERTEXT_RATE", "0");
                WebhookReceiver receiver = new WebhookReceiver()) {
            platform.startSimulator();
            AppProcess gateway = platform.startGateway();
            AppProcess worker = platform.startWorker("bench-worker");
            ApiClient api = platform.api();
            ApiClient sim = platform.simulator();
            sim.post("/sim/numbers", "{\"phone\":\"" + RECIPIENT + "\"}");
            await("worker up")
                    .atMost(PATIENCE)
                    .ignoreExceptions()
                    .until(() -> platform.workerHttp().get("/actuator/health").status() == 200);
            settle(Duration.ofSeconds(10));
            m.idleGatewayBytes = ProcMemory.pss(gateway.pid());
            m.idleWorkerBytes = ProcMemory.pss(worker.pid());

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < accounts; i++) {
                String phone = phoneOf(i);
                Instant created = Instant.now();
                String id = api.post(
                                "/api/accounts",
                                "{\"name\":\"Bench " + i + "\",\"webhook_url\":\"" + receiver.url() + "\"}")
                        .text("id");
                ids.add(id);
                String[] qr = new String[1];
                await("QR of account " + i)
                        .atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> {
                            ApiClient.Response r = api.get("/api/accounts/" + id + "/qr?format=text");
                            qr[0] = r.status() == 200 ? r.body() : null;
                            return qr[0] != null;
                        });
                m.toQr.add(millisSince(created));
                Instant scanned = Instant.now();
                await("link of account " + i)
                        .atMost(PATIENCE)
                        .ignoreExceptions()
                        .until(() -> {
                            ApiClient.Response qrNow = api.get("/api/accounts/" + id + "/qr?format=text");
                            return sim.post(
                                                    "/sim/link",
                                                    "{\"qr\":\"" + qrNow.body() + "\",\"phone\":\"" + phone + "\"}")
                                            .status()
                                    == 200;
                        });
                await("READY of account " + i)
                        .atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(100))
                        .until(() ->
                                "READY".equals(api.get("/api/accounts/" + id).text("status")));
                m.scanToReady.add(millisSince(scanned));
            }

            settle(Duration.ofSeconds(20));
            await("browser memory of every account")
                    .atMost(PATIENCE)
                    .until(() -> browserMemory(platform.workerHttp()
                                            .get("/actuator/prometheus")
                                            .body())
                                    .size()
                            == accounts);
            m.browserBytes.addAll(browserMemory(
                            platform.workerHttp().get("/actuator/prometheus").body())
                    .values());
            m.breakdown.putAll(processMemory(
                    platform.workerHttp().get("/actuator/prometheus").body(), ids.get(0)));
            m.loadedGatewayBytes = ProcMemory.pss(gateway.pid());
            m.loadedWorkerBytes = ProcMemory.pss(worker.pid());

            // Inbound messages, spread over the accounts: from the phone's side to the webhook.
            Map<String, Instant> sentAt = new HashMap<>();
            for (int k = 0; k < messages; k++) {
                int account = k % accounts;
                String text = "bench " + k;
                sentAt.put(text, Instant.now());
                sim.post(
                        "/sim/phones/" + phoneOf(account) + "/inbound",
                        "{\"from\":\"" + RECIPIENT + "\",\"text\":\"" + text + "\"}");
                if (spacing > 0) {
                    settle(Duration.ofMillis(spacing));
                }
            }
            await("every message on the webhook")
                    .atMost(PATIENCE)
                    .until(() -> receiver.received().stream()
                                    .filter(r -> "message"
                                            .equals(r.json().path("event").asText()))
                                    .filter(r -> sentAt.containsKey(
                                            r.json().path("text").asText()))
                                    .count()
                            >= messages);
            // Where the time goes: the delivery record's created_at is when the gateway had the event.
            Map<String, Instant> recorded = new HashMap<>();
            for (String id : ids) {
                for (JsonNode d : api.get("/api/accounts/" + id + "/webhook-deliveries?limit=1000")
                        .json()) {
                    recorded.put(
                            d.path("id").asText(),
                            Instant.parse(d.path("created_at").asText()));
                }
            }
            for (WebhookReceiver.Received r : receiver.received()) {
                JsonNode json = r.json();
                Instant at = sentAt.get(json.path("text").asText());
                if ("message".equals(json.path("event").asText()) && at != null) {
                    m.inboundToWebhook.add(Duration.between(at, r.at()).toMillis());
                    Instant inGateway = recorded.get(json.path("event_id").asText());
                    if (inGateway != null) {
                        m.inboundToGateway.add(Duration.between(at, inGateway).toMillis());
                        m.gatewayToWebhook.add(
                                Duration.between(inGateway, r.at()).toMillis());
                    }
                }
            }

            // Sends through the API: the answer comes once WhatsApp accepted the message.
            for (int k = 0; k < messages; k++) {
                String id = ids.get(k % accounts);
                long start = System.nanoTime();
                ApiClient.Response sent = api.post(
                        "/api/accounts/" + id + "/messages/send",
                        "{\"to\":\"" + RECIPIENT + "\",\"message\":\"bench send " + k + "\"}");
                if (sent.status() != 200) {
                    throw new IllegalStateException("send failed: " + sent);
                }
                m.sendAnswered.add((System.nanoTime() - start) / 1_000_000);
            }

            // Snapshots of a READY account.
            for (int k = 0; k < 10; k++) {
                long start = System.nanoTime();
                ApiClient.Response snapshot = api.get("/api/accounts/" + ids.get(k % accounts) + "/snapshot");
                if (snapshot.status() != 200) {
                    throw new IllegalStateException("snapshot failed: " + snapshot);
                }
                m.snapshot.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        Report.write(report, m);
        System.out.println(Report.section(m));
    }

    private static String phoneOf(int account) {
        return String.format("1555%07d", 1000 + account);
    }

    private static long millisSince(Instant start) {
        return Duration.between(start, Instant.now()).toMillis();
    }

    /** Lets the processes finish what they were doing (JIT, caches, the page's own start-up work). */
    private static void settle(Duration duration) {
        await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
    }

    /** wamonitor_worker_browser_process_memory_bytes of one account by process, from the worker's metrics. */
    static Map<String, Long> processMemory(String exposition, String account) {
        Map<String, Long> bytes = new TreeMap<>();
        PrometheusText.samples(exposition, "wamonitor_worker_browser_process_memory_bytes").stream()
                .filter(sample -> account.equals(sample.label("account_id")))
                .forEach(sample -> bytes.put(sample.label("process"), (long) sample.value()));
        return bytes;
    }

    /** wamonitor_worker_browser_memory_bytes by account, from the worker's Prometheus page. */
    static Map<String, Long> browserMemory(String exposition) {
        Map<String, Long> bytes = new HashMap<>();
        PrometheusText.samples(exposition, "wamonitor_worker_browser_memory_bytes")
                .forEach(sample -> bytes.put(sample.label("account_id"), (long) sample.value()));
        return bytes;
    }
}
