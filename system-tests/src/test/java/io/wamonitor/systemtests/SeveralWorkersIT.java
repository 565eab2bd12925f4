package io.wamonitor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamonitor.testkit.ApiClient;
import io.wamonitor.testkit.AppProcess;
import io.wamonitor.testkit.MongoWire;
import io.wamonitor.testkit.Platform;
import io.wamonitor.testkit.RabbitBrokerExtension;
import io.wamonitor.testkit.WebhookReceiver;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three workers on three "hosts" (own ports and sessions directories), one RabbitMQ, one MongoDB: accounts are
 * placed within each worker's slots, every call reaches the worker that owns the account, a worker killed with
 * {@code kill -9} hands its accounts to the others without a new QR code and without losing a message, a drained
 * worker gives its accounts away the same way, and two gateways deliver each webhook event once. The scenario
 * builds on itself, step by step.
 */
@Tag("browser")
@ExtendWith(RabbitBrokerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralWorkersIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private static final List<String> WORKERS = List.of("worker-1", "worker-2", "worker-3");
    private static final String SENDER = "15550009999";
    private static final String RECIPIENT = "15550008888";
    /** A test key: 32 bytes, base64. No process may ever log it. */
    private static final String BACKUP_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private static MongoWire mongo;
    private static WebhookReceiver receiver;
    private static Platform platform;
    private static ApiClient api;
    /** Account id -> the phone it is linked to. */
    private static final Map<String, String> phones = new LinkedHashMap<>();

    @BeforeAll
    static void threeWorkers() {
        mongo = new MongoWire();
        receiver = new WebhookReceiver();
        platform = new Platform()
                .with("MONGO_URL", MongoWire.url(mongo.port()))
                .with("MAX_WHATSAPP_ACCOUNTS", "10")
                .with("WORKER_MAX_SESSIONS", "3")
                .with("WORKER_TIMEOUT", "6s")
                .with("WORKER_FAILOVER_GRACE", "4s")
                .with("RECONCILE_GRACE", "5s")
                .with("RECONCILE_RESEND_AFTER", "5s")
                .with("PROFILE_BACKUP_KEY", BACKUP_KEY)
                .with("WEBHOOK_RETRY_BASE", "300ms")
                .with("WEBHOOK_RETRY_MAX_DELAY", "2s")
                .with("OUTBOUND_ALLOW", "127.0.0.1")
                // A killed worker's browsers can outlive it for a moment; the copy that lost is told so.
                .tolerating("is no longer accepted");
        platform.secret(BACKUP_KEY);
        platform.startSimulator();
        platform.startGateway();
        WORKERS.forEach(platform::startWorkerOnItsOwnHost);
        api = platform.api();
        platform.simulator().post("/sim/numbers", "{\"phone\":\"" + RECIPIENT + "\"}");
        awaitThreeWorkersAlive();
    }

    private static void awaitThreeWorkersAlive() {
        await("three workers alive")
                .atMost(Platform.STARTUP)
                .until(() -> workers().values().stream()
                                .filter(w -> w.path("state").asText().equals("alive"))
                                .count()
                        == 3);
    }

    @AfterAll
    static void stop() {
        try {
            platform.close();
        } finally {
            receiver.close();
            mongo.close();
        }
    }

    @Test
    @Order(1)
    void accountsAreSpreadOverTheWorkersWithinTheirSlots() {
        for (int i = 1; i <= 6; i++) {
            String id = api.post(
                            "/api/accounts",
                            "{\"name\":\"Account " + i + "\",\"webhook_url\":\"" + receiver.url()
                                    + "\",\"webhook_events\":[\"message\",\"status\"]}")
                    .text("id");
            phones.put(id, "155500010" + i + "0");
        }
        phones.forEach((id, phone) -> platform.link(id, phone));

        Map<String, JsonNode> workers = workers();
        assertThat(workers.values())
                .as("two accounts on each worker, none beyond its three slots")
                .allSatisfy(w -> {
                    assertThat(w.path("accounts")).hasSize(2);
                    assertThat(w.path("slots_total").asInt()).isEqualTo(3);
                    assertThat(w.path("free_slots").asInt()).isEqualTo(1);
                });
        eachAccountRunsOnExactlyOneWorker();
    }

    @Test
    @Order(2)
    void everyCallReachesTheWorkerThatOwnsTheAccount() {
        List<String> ids = new ArrayList<>(phones.keySet());
        for (int i = 0; i < 50; i++) {
            ApiClient.Response snapshot = api.get("/api/accounts/" + ids.get(i % ids.size()) + "/snapshot");
            assertThat(snapshot.status()).as("snapshot %d: %s", i, snapshot).isEqualTo(200);
        }
        for (int i = 0; i < 20; i++) {
            ApiClient.Response send = api.post(
                    "/api/accounts/" + ids.get(i % ids.size()) + "/messages/send",
                    "{\"to\":\"" + RECIPIENT + "\",\"message\":\"hello " + i + "\"}");
            assertThat(send.status()).as("send %d: %s", i, send).isEqualTo(200);
        }

        Map<String, String> owners = owners();
        Instant restarted = Instant.now();
        for (String id : ids) {
            assertThat(api.post("/api/accounts/" + id + "/restart", "").status())
                    .isEqualTo(202);
        }
        for (String id : ids) {
            platform.awaitStatus(id, "READY");
        }
        assertThat(owners()).as("a restart keeps each account on its worker").isEqualTo(owners);
        assertThat(statusesSince(restarted)).as("no QR code after a restart").doesNotContain("QR");
    }

    @Test
    @Order(3)
    void aRestartedGatewayFindsEveryAccountWhereItWas() {
        Map<String, String> owners = owners();
        platform.gateway().stop();
        platform.startGateway();
        assertThat(owners())
                .as("assignments known at once, before any heartbeat")
                .isEqualTo(owners);
        awaitThreeWorkersAlive();

        await("every account READY again").atMost(EVENTUALLY).untilAsserted(() -> {
            for (String id : phones.keySet()) {
                assertThat(api.get("/api/accounts/" + id).text("status")).isEqualTo("READY");
            }
        });
        assertThat(owners()).isEqualTo(owners);
        eachAccountRunsOnExactlyOneWorker();
    }

    @Test
    @Order(4)
    void aKilledWorkersAccountsContinueElsewhereWithoutAQrCodeAndLoseNoMessage() {
        String victim = "worker-1";
        List<String> moved = owners().entrySet().stream()
                .filter(e -> e.getValue().equals(victim))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(moved).hasSize(2);
        await("the backups of the moving accounts are taken")
                .atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(moved.stream()
                                .filter(id -> !platform.anyGatewayLogContains(
                                        "Account " + id + ": profile backup from " + victim)))
                        .as("accounts of " + victim + " without a stored backup")
                        .isEmpty());

        Instant killed = Instant.now();
        platform.worker(victim).kill();
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            for (String id : moved) {
                String text = "while " + victim + " is gone " + i + " to " + id;
                inbound(phones.get(id), text);
                sent.add(text);
            }
        }

        await("both accounts READY on other workers").atMost(EVENTUALLY).untilAsserted(() -> {
            for (String id : moved) {
                JsonNode account = api.get("/api/accounts/" + id).json();
                assertThat(account.path("status").asText()).isEqualTo("READY");
                assertThat(account.path("worker_id").asText()).isNotEqualTo(victim);
            }
        });
        Duration failover = Duration.between(killed, Instant.now());
        for (String id : moved) {
            assertThat(statusesSince(killed, id)).as("no QR code for " + id).doesNotContain("QR", "LOGGED_OUT");
        }
        awaitEachOnce(sent);
        ReliabilityReport.row(
                "One of three workers killed (`kill -9`) holding 2 linked accounts (`WORKER_TIMEOUT` 6 s + "
                        + "`WORKER_FAILOVER_GRACE` 4 s); both READY on other workers after "
                        + failover.toSeconds() + " s without a QR code; messages sent to them meanwhile",
                sent.size(),
                sent.size(),
                0,
                failover);

        // Back from the dead, the worker starts none of them again, and forgets their profiles.
        platform.startWorkerOnItsOwnHost(victim);
        await(victim + " back, holding nothing, its old profiles removed")
                .atMost(EVENTUALLY)
                .untilAsserted(() -> {
                    JsonNode worker = workers().get(victim);
                    assertThat(worker.path("state").asText()).isEqualTo("alive");
                    assertThat(worker.path("held")).isEmpty();
                    for (String id : moved) {
                        assertThat(platform.sessionsDir(victim).resolve(id)).doesNotExist();
                    }
                });
        for (String id : moved) {
            assertThat(api.get("/api/accounts/" + id).text("status")).isEqualTo("READY");
        }
        eachAccountRunsOnExactlyOneWorker();
    }

    @Test
    @Order(5)
    void aDrainedWorkerHandsEveryAccountOverWithoutAQrCodeAndNeverToAFullWorker() {
        Map<String, JsonNode> before = workers();
        String drained = before.entrySet().stream()
                .filter(e -> !e.getKey().equals("worker-1")
                        && e.getValue().path("accounts").size() == 3)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        String full = WORKERS.stream()
                .filter(w -> !w.equals("worker-1") && !w.equals(drained))
                .findFirst()
                .orElseThrow();
        assertThat(before.get(full).path("free_slots").asInt())
                .as(full + " is full")
                .isZero();
        List<String> moving = new ArrayList<>();
        before.get(drained).path("accounts").forEach(a -> moving.add(a.asText()));
        Instant drainStarted = Instant.now();

        ApiClient.Response drain = api.post("/api/workers/" + drained + "/drain", "");
        assertThat(drain.status()).isEqualTo(202);
        assertThat(drain.text("state")).isEqualTo("draining");

        await(drained + " drained").atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            assertThat(workers().get(drained).path("accounts")).isEmpty();
            for (String id : moving) {
                JsonNode account = api.get("/api/accounts/" + id).json();
                assertThat(account.path("status").asText()).isEqualTo("READY");
                assertThat(account.path("worker_id").asText()).isEqualTo("worker-1");
            }
        });
        for (String id : moving) {
            assertThat(statusesSince(drainStarted, id))
                    .as("no QR code for " + id)
                    .doesNotContain("QR");
        }
        assertThat(workers().get(full).path("accounts"))
                .as("the full worker took none")
                .hasSize(3);
        assertThat(api.delete("/api/workers/" + drained + "/drain").text("state"))
                .isEqualTo("alive");
        assertThat(api.post("/api/workers/nobody/drain", "").text("code")).isEqualTo("WORKER_NOT_FOUND");
        eachAccountRunsOnExactlyOneWorker();
    }

    @Test
    @Order(6)
    void twoGatewaysDeliverEachWebhookEventOnce() {
        int port = AppProcess.freePort();
        platform.startAnotherGateway(port);
        ApiClient second = ApiClient.onPort(port);
        assertThat(second.get("/api/accounts").json()).hasSize(6);

        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            for (Map.Entry<String, String> account : phones.entrySet()) {
                String text = "two gateways " + i + " to " + account.getKey();
                inbound(account.getValue(), text);
                sent.add(text);
            }
        }
        awaitEachOnce(sent);
        String id = phones.keySet().iterator().next();
        for (int i = 0; i < 6; i++) {
            assertThat(second.get("/api/accounts/" + id + "/snapshot").status()).isEqualTo(200);
            assertThat(second.post(
                                    "/api/accounts/" + id + "/messages/send",
                                    "{\"to\":\"" + RECIPIENT + "\",\"message\":\"via the second gateway " + i + "\"}")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    @Order(7)
    void aBackupWhatsAppNoLongerAcceptsEndsLoggedOutSayingWhyWhileTheOthersMoveOn() {
        String victim = workers().entrySet().stream()
                .filter(e -> e.getValue().path("accounts").size() == 3)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        List<String> moving = new ArrayList<>();
        workers().get(victim).path("accounts").forEach(a -> moving.add(a.asText()));
        String unlinked = moving.get(0);
        Instant killed = Instant.now();
        platform.worker(victim).kill();
        // While the worker is gone, the phone unlinks that device ("Linked devices" > Log out).
        assertThat(platform.simulator()
                        .post("/sim/phones/" + phones.get(unlinked) + "/unlink", "")
                        .status())
                .isEqualTo(200);

        await("the unlinked account LOGGED_OUT with the reason, the others READY elsewhere")
                .atMost(EVENTUALLY)
                .untilAsserted(() -> {
                    assertThat(statusEvents(killed, unlinked)).contains("LOGGED_OUT");
                    for (String id : moving.subList(1, moving.size())) {
                        JsonNode account = api.get("/api/accounts/" + id).json();
                        assertThat(account.path("status").asText()).isEqualTo("READY");
                        assertThat(account.path("worker_id").asText()).isNotEqualTo(victim);
                    }
                });
        assertThat(receiver.received().stream()
                        .filter(r -> !r.at().isBefore(killed))
                        .map(WebhookReceiver.Received::json)
                        .filter(j -> "status".equals(j.path("event").asText())
                                && unlinked.equals(j.path("account_id").asText())
                                && "LOGGED_OUT".equals(j.path("status").asText()))
                        .map(j -> j.path("reason").asText()))
                .anySatisfy(reason -> assertThat(reason).contains("no longer accepted by WhatsApp"));
        await("a new QR code to link it again")
                .atMost(EVENTUALLY)
                .until(() -> "QR".equals(api.get("/api/accounts/" + unlinked).text("status")));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static Map<String, JsonNode> workers() {
        Map<String, JsonNode> workers = new TreeMap<>();
        for (JsonNode worker : api.get("/api/workers").json()) {
            workers.put(worker.path("worker_id").asText(), worker);
        }
        return workers;
    }

    /** Account id -> the worker it is assigned to. */
    private static Map<String, String> owners() {
        Map<String, String> owners = new HashMap<>();
        workers().forEach((worker, view) -> view.path("accounts").forEach(a -> owners.put(a.asText(), worker)));
        return owners;
    }

    /** Each account in exactly one live worker's heartbeat and exactly one sessions directory. */
    private static void eachAccountRunsOnExactlyOneWorker() {
        await("each account held by exactly one worker").atMost(EVENTUALLY).untilAsserted(() -> {
            Map<String, JsonNode> workers = workers();
            for (String id : phones.keySet()) {
                List<String> holding = workers.entrySet().stream()
                        .filter(e -> contains(e.getValue().path("held"), id))
                        .map(Map.Entry::getKey)
                        .toList();
                assertThat(holding).as("workers holding " + id).hasSize(1);
                List<String> withProfile = WORKERS.stream()
                        .filter(w -> Files.exists(platform.sessionsDir(w).resolve(id)))
                        .toList();
                assertThat(withProfile).as("sessions directories of " + id).containsExactlyElementsOf(holding);
            }
        });
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (element.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static void inbound(String phone, String text) {
        ApiClient.Response delivered = platform.simulator()
                .post("/sim/phones/" + phone + "/inbound", "{\"from\":\"" + SENDER + "\",\"text\":\"" + text + "\"}");
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
    }

    /** Waits until every text arrived at the receiver, then checks none arrived twice. */
    private static void awaitEachOnce(List<String> sent) {
        await("every message delivered")
                .atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(receiver.messages().stream()
                                .map(m -> m.path("text").asText())
                                .collect(Collectors.toSet()))
                        .containsAll(sent));
        Set<String> texts = Set.copyOf(sent);
        Map<String, Long> counts = receiver.messages().stream()
                .filter(m -> texts.contains(m.path("text").asText()))
                .collect(Collectors.groupingBy(m -> m.path("message_id").asText(), Collectors.counting()));
        assertThat(counts).hasSize(sent.size());
        assertThat(counts.values()).as("each message delivered once").containsOnly(1L);
    }

    private static List<String> statusesSince(Instant since) {
        return statusEvents(since, null);
    }

    private static List<String> statusesSince(Instant since, String account) {
        return statusEvents(since, account);
    }

    private static List<String> statusEvents(Instant since, String account) {
        return receiver.received().stream()
                .filter(r -> !r.at().isBefore(since))
                .map(WebhookReceiver.Received::json)
                .filter(j -> "status".equals(j.path("event").asText()))
                .filter(j ->
                        account == null || account.equals(j.path("account_id").asText()))
                .map(j -> j.path("status").asText())
                .toList();
    }
}
