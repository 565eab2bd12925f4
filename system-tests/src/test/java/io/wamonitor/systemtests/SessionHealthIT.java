package io.wamonitor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamonitor.testkit.ApiClient;
import io.wamonitor.testkit.Platform;
import io.wamonitor.testkit.RabbitBrokerExtension;
import io.wamonitor.testkit.WebhookReceiver;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sessions that look alive but are not (real Chromium against the simulator's stalls): found, healed step by step
 * without touching the login, nothing lost on the way, each step an incident with a picture of the page; and a
 * healthy account is never taken for a stalled one. Times are compressed through the settings: one platform whose
 * worker has a 10 s {@code SESSION_STALL_TIMEOUT}, a 5 s {@code SESSION_PAGE_DEADLINE} and 2 heal attempts, and an
 * account of its own for each case (deleted at its end, so that one case's browser does not weigh on the next).
 */
@Tag("browser")
@ExtendWith(RabbitBrokerExtension.class)
class SessionHealthIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private static final String FRIEND = "15550006100";

    private static Platform platform;
    private static WebhookReceiver receiver;
    private static ApiClient api;
    private static ApiClient sim;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void platformWithCompressedHealthSettings() {
        receiver = new WebhookReceiver();
        platform = new Platform()
                .with("OUTBOUND_ALLOW", "127.0.0.1")
                .with("SESSION_STALL_TIMEOUT", "10s")
                .with("SESSION_PAGE_DEADLINE", "5s")
                .with("SESSION_HEAL_ATTEMPTS", "2")
                .tolerating("giving up");
        platform.startAll("worker-health");
        api = platform.api();
        sim = platform.simulator();
    }

    @AfterAll
    static void stop() {
        try {
            platform.close();
        } finally {
            receiver.close();
        }
    }

    @Test
    void aSilentConnectionIsFoundHealedByAReloadAndWhatArrivedMeanwhileIsDeliveredOnce() throws Exception {
        String phone = "15550006001";
        String id = linkedAccount(phone);
        try {
            assertThat(sim.post("/sim/phones/" + phone + "/stall", "{\"mode\":\"silent\"}")
                            .status())
                    .isEqualTo(200);
            List<String> texts = List.of("during the stall 1", "during the stall 2", "during the stall 3");
            for (String text : texts) {
                inbound(phone, text);
            }
            // Listed as soon as it is stored; its picture follows a moment later.
            JsonNode reload = awaitIncident(
                    id, i -> "reload".equals(i.path("heal_step").asText()) && i.hasNonNull("screenshot_url"));
            assertThat(reload.path("heal_reason").asText()).isEqualTo("server_silent");
            assertThat(reload.path("from_status").asText()).isEqualTo("READY");
            assertThat(reload.path("reason").asText()).contains("no contact with WhatsApp's servers");
            assertThat(png(reload.path("screenshot_url").asText()).getWidth()).isGreaterThan(100);

            platform.awaitStatus(id, "READY");
            await("the messages of the stall on the webhook")
                    .atMost(EVENTUALLY)
                    .until(() -> delivered(receiver, texts).size() == texts.size());
            // Once each: look again a little later for a second copy.
            inbound(phone, "after the stall");
            await().atMost(EVENTUALLY)
                    .until(() -> delivered(receiver, List.of("after the stall")).size() == 1);
            assertThat(delivered(receiver, texts)).containsExactlyInAnyOrderElementsOf(texts);
            // The health comes with the worker's next heartbeat (every 10 s), which may not have come yet.
            JsonNode health = await("the heal counted in the account's health")
                    .atMost(EVENTUALLY)
                    .until(
                            () -> api.get("/api/accounts/" + id + "/health").json(),
                            h -> h.path("heals_last_24h").asInt() > 0);
            assertThat(health.path("heals_last_24h").asInt()).isEqualTo(1);
            assertThat(health.path("status").asText()).isEqualTo("READY");
        } finally {
            delete(id);
        }
    }

    @Test
    void aSendIntoASilentConnectionIsAnsweredNotSentAndDoesNotHoldUpTheHeal() {
        String phone = "15550006004";
        String id = linkedAccount(phone);
        try {
            sim.post("/sim/numbers", "{\"phone\":\"" + FRIEND + "\"}");
            assertThat(sim.post("/sim/phones/" + phone + "/stall", "{\"mode\":\"silent\"}")
                            .status())
                    .isEqualTo(200);

            // WhatsApp's servers never answer the recipient check: the API says so within its wait for the worker
            // (WORKER_REPLY_TIMEOUT), instead of the worker waiting on the page for as long as the socket is dead.
            ApiClient.Response send = api.post(
                    "/api/accounts/" + id + "/messages/send",
                    "{\"to\":\"" + FRIEND + "\",\"message\":\"into the silence\"}");
            assertThat(send.status()).as(send.toString()).isEqualTo(502);
            assertThat(send.text("code")).isEqualTo("SEND_FAILED");
            assertThat(send.text("detail")).contains("was not sent");

            // The session, free again, is found stalled and healed, and then sends normally.
            awaitIncident(id, i -> "reload".equals(i.path("heal_step").asText()));
            platform.awaitStatus(id, "READY");
            ApiClient.Response after = await("a send after the heal")
                    .atMost(EVENTUALLY)
                    .until(
                            () -> api.post(
                                    "/api/accounts/" + id + "/messages/send",
                                    "{\"to\":\"" + FRIEND + "\",\"message\":\"after the heal\"}"),
                            r -> r.status() != 409);
            assertThat(after.status()).as(after.toString()).isLessThan(300);
            await().atMost(EVENTUALLY)
                    .until(() -> sim.get("/sim/phones/" + phone + "/outbox")
                            .json()
                            .findValuesAsText("text")
                            .contains("after the heal"));
            assertThat(sim.get("/sim/phones/" + phone + "/outbox").json().findValuesAsText("text"))
                    .as("the send the API called not sent never went out")
                    .doesNotContain("into the silence");
        } finally {
            delete(id);
        }
    }

    @Test
    void aFrozenPageIsFoundByItsDeadlineAndRelaunchedStillLinked() {
        String phone = "15550006002";
        String id = linkedAccount(phone);
        try {
            Set<String> statuses = ConcurrentHashMap.newKeySet();
            ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
            try {
                watcher.scheduleAtFixedRate(
                        () -> statuses.add(api.get("/api/accounts/" + id)
                                .json()
                                .path("status")
                                .asText()),
                        0,
                        250,
                        TimeUnit.MILLISECONDS);
                assertThat(sim.post("/sim/phones/" + phone + "/stall", "{\"mode\":\"freeze\"}")
                                .status())
                        .isEqualTo(200);
                inbound(phone, "sent to a frozen page");
                JsonNode relaunch = awaitIncident(
                        id, i -> "relaunch".equals(i.path("heal_step").asText()));
                assertThat(relaunch.path("heal_reason").asText()).isEqualTo("page_unresponsive");
                assertThat(relaunch.path("reason").asText()).contains("did not answer");

                platform.awaitStatus(id, "READY");
                await().atMost(EVENTUALLY)
                        .until(() -> delivered(receiver, List.of("sent to a frozen page"))
                                        .size()
                                == 1);
                // Healthy again once the servers answer the relaunched page (with the worker's next heartbeat).
                await("healthy again")
                        .atMost(EVENTUALLY)
                        .until(() -> api.get("/api/accounts/" + id)
                                .json()
                                .path("health")
                                .asText()
                                .equals("ok"));
            } finally {
                watcher.shutdownNow();
            }
            assertThat(statuses)
                    .as("relaunched from its profile: no new QR code")
                    .doesNotContain("QR", "LOGGED_OUT");
        } finally {
            delete(id);
        }
    }

    @Test
    void aStallThatDoesNotHealEndsFailedAfterTheConfiguredStepsEachWithAPicture() throws Exception {
        String phone = "15550006003";
        String id = linkedAccount(phone, "[\"message\",\"incident\"]");
        try {
            // What the account list says from the moment the stall is found: a heal step that brings the page
            // back to READY on a socket that still delivers nothing must not make it look healthy.
            List<String> healthAfterFound = new CopyOnWriteArrayList<>();
            ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
            watcher.scheduleAtFixedRate(
                    () -> {
                        String health = api.get("/api/accounts/" + id)
                                .json()
                                .path("health")
                                .asText();
                        if ("stalled".equals(health) || !healthAfterFound.isEmpty()) {
                            healthAfterFound.add(health);
                        }
                    },
                    0,
                    250,
                    TimeUnit.MILLISECONDS);
            try {
                assertThat(sim.post("/sim/phones/" + phone + "/stall", "{\"mode\":\"silent\",\"persistent\":true}")
                                .status())
                        .isEqualTo(200);
                platform.awaitStatus(id, "FAILED");
            } finally {
                watcher.shutdownNow();
            }
            assertThat(healthAfterFound)
                    .as("health from the stall to FAILED")
                    .contains("stalled")
                    .doesNotContain("ok");
            JsonNode account = api.get("/api/accounts/" + id).json();
            assertThat(account.path("status_reason").asText()).contains("2 heal steps within an hour");
            // The health comes with the worker's next heartbeat.
            await().atMost(EVENTUALLY)
                    .until(
                            () -> api.get("/api/accounts/" + id)
                                    .json()
                                    .path("health")
                                    .asText(),
                            "stalled"::equals);

            List<JsonNode> steps = new ArrayList<>();
            await("every heal step with its picture").atMost(EVENTUALLY).until(() -> {
                steps.clear();
                api.get("/api/accounts/" + id + "/incidents").json().forEach(steps::add);
                return steps.stream()
                        .filter(i -> !i.path("heal_step").isNull())
                        .allMatch(i -> i.hasNonNull("screenshot_url"));
            });
            List<String> ladder = steps.stream()
                    .map(i -> i.path("heal_step").asText())
                    .filter(s -> !s.isEmpty() && !"null".equals(s))
                    .toList();
            assertThat(ladder).as("newest first").containsExactly("give_up", "relaunch", "reload");
            assertThat(steps.get(0).path("to_status").asText()).isEqualTo("FAILED");
            for (JsonNode step : steps) {
                if (step.path("heal_step").isNull()) {
                    continue;
                }
                String url = step.path("screenshot_url").asText();
                assertThat(url).as("incident %s has a screenshot", step).startsWith("/api/accounts/" + id);
                assertThat(png(url).getHeight()).isGreaterThan(100);
            }
            assertThat(api.get("/api/accounts/" + id + "/health")
                            .json()
                            .path("health")
                            .asText())
                    .isEqualTo("stalled");

            // A receiver subscribed to incidents got each one, once, with the same picture at a signed URL that
            // needs no API key.
            Map<String, String> pictures = new HashMap<>();
            steps.forEach(i ->
                    pictures.put(i.path("id").asText(), i.path("screenshot_url").asText(null)));
            List<JsonNode> hooked = await("each incident on the webhook")
                    .atMost(EVENTUALLY)
                    .until(() -> incidentEvents(id), events -> events.size() >= pictures.size());
            assertThat(hooked.stream().map(e -> e.path("incident_id").asText()))
                    .containsExactlyInAnyOrderElementsOf(pictures.keySet());
            for (JsonNode event : hooked) {
                String apiPath = pictures.get(event.path("incident_id").asText());
                String signed = event.path("screenshot_url").asText(null);
                if (apiPath == null) {
                    assertThat(signed).isNull();
                    continue;
                }
                assertThat(signed)
                        .contains("/incident-screenshots/"
                                + event.path("incident_id").asText());
                HttpResponse<byte[]> picture = get(signed, false);
                assertThat(picture.statusCode()).isEqualTo(200);
                assertThat(picture.body())
                        .isEqualTo(get(api.baseUrl() + apiPath, true).body());
            }
            assertThat(hooked.stream().map(e -> e.path("heal_step").asText(null)))
                    .contains("reload", "relaunch", "give_up");

            // The operator fixes the cause and restarts the account: back without a QR code.
            sim.post("/sim/phones/" + phone + "/unstall", "{}");
            assertThat(api.post("/api/accounts/" + id + "/restart", "{}").status())
                    .isLessThan(300);
            platform.awaitStatus(id, "READY");
        } finally {
            delete(id);
        }
    }

    @Test
    void aHealthyAccountUnderASteadyFlowIsNeverTakenForAStalledOne() throws Exception {
        // Ten minutes at the default SESSION_STALL_TIMEOUT of 5m, compressed 30 times: a 10 s stall timeout and a
        // 5 s page deadline over 20 s, with messages every 2 s, then a quiet spell of twice the stall timeout with
        // nothing from WhatsApp but the round trips, which keep it healthy.
        String phone = "15550006004";
        String id = linkedAccount(phone);
        try {
            Set<String> healths = ConcurrentHashMap.newKeySet();
            ScheduledExecutorService watcher = Executors.newScheduledThreadPool(2);
            try {
                watcher.scheduleAtFixedRate(
                        () -> healths.add(api.get("/api/accounts/" + id + "/health")
                                .json()
                                .path("health")
                                .asText()),
                        0,
                        500,
                        TimeUnit.MILLISECONDS);
                List<String> texts = new ArrayList<>();
                int[] n = {0};
                ScheduledFuture<?> flow = watcher.scheduleAtFixedRate(
                        () -> {
                            String text = "steady " + (++n[0]);
                            synchronized (texts) {
                                texts.add(text);
                            }
                            inbound(phone, text);
                        },
                        0,
                        2,
                        TimeUnit.SECONDS);
                await().atMost(EVENTUALLY).until(() -> n[0] >= 10);
                flow.cancel(false);
                // The quiet spell: twice the stall timeout with nothing from WhatsApp but the round trips, which
                // must keep refreshing the last server contact (without them the silence alone would be a stall).
                Instant quietFrom = Instant.now();
                await("round trips keep the server contact fresh through the quiet spell")
                        .atMost(EVENTUALLY)
                        .until(() -> lastServerContact(id).isAfter(quietFrom.plusSeconds(20)));
                inbound(phone, "after the quiet spell");
                await().atMost(EVENTUALLY)
                        .until(() -> delivered(receiver, List.of("after the quiet spell"))
                                        .size()
                                == 1);
                List<String> all;
                synchronized (texts) {
                    all = List.copyOf(texts);
                }
                await().atMost(EVENTUALLY).until(() -> delivered(receiver, all).size() == all.size());
            } finally {
                watcher.shutdownNow();
            }
            assertThat(healths)
                    .as("health over the whole run")
                    .doesNotContain("stalled")
                    .contains("ok");
            assertThat(api.get("/api/accounts/" + id + "/incidents").json()).isEmpty();
            JsonNode health = api.get("/api/accounts/" + id + "/health").json();
            assertThat(health.path("heals_last_24h").asInt()).isZero();
            assertThat(health.path("last_server_contact_at").asText()).isNotEmpty();
            assertThat(health.path("connected_since").asText()).isNotEmpty();
            assertThat(health.path("browser_memory_bytes").asLong()).isPositive();
            assertThat(health.path("whatsapp_web_version").asText()).isNotEmpty();
            assertThat(api.get("/api/accounts/" + id).json().path("status").asText())
                    .isEqualTo("READY");
        } finally {
            delete(id);
        }
    }

    private static Instant lastServerContact(String id) {
        JsonNode at = api.get("/api/accounts/" + id + "/health").json().path("last_server_contact_at");
        return at.isTextual() ? Instant.parse(at.asText()) : Instant.EPOCH;
    }

    private static String linkedAccount(String phone) {
        return linkedAccount(phone, "[\"message\"]");
    }

    private static String linkedAccount(String phone, String webhookEvents) {
        String id = api.post(
                        "/api/accounts",
                        "{\"name\":\"Health\",\"webhook_url\":\"" + receiver.url() + "\",\"webhook_events\":"
                                + webhookEvents + "}")
                .text("id");
        platform.link(id, phone);
        return id;
    }

    /** Frees the worker of a finished case's browser (cleanup: a failure here must not hide the case's own). */
    private static void delete(String id) {
        api.delete("/api/accounts/" + id);
    }

    private static void inbound(String phone, String text) {
        ApiClient.Response sent = sim.post(
                "/sim/phones/" + phone + "/inbound", "{\"from\":\"" + FRIEND + "\",\"text\":\"" + text + "\"}");
        assertThat(sent.status()).as(sent.toString()).isLessThan(300);
    }

    /** The account's incident events the webhook received, once per delivery. */
    private static List<JsonNode> incidentEvents(String id) {
        return receiver.received().stream()
                .map(WebhookReceiver.Received::json)
                .filter(e -> "incident".equals(e.path("event").asText())
                        && id.equals(e.path("account_id").asText()))
                .toList();
    }

    /** The texts among {@code texts} the webhook received, once per delivery (duplicates show twice). */
    private static List<String> delivered(WebhookReceiver receiver, List<String> texts) {
        return receiver.messages().stream()
                .map(m -> m.path("text").asText())
                .filter(texts::contains)
                .toList();
    }

    private static JsonNode awaitIncident(String id, java.util.function.Predicate<JsonNode> which) {
        return await("an incident")
                .atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            List<JsonNode> found = new ArrayList<>();
                            api.get("/api/accounts/" + id + "/incidents").json().forEach(found::add);
                            return found.stream().filter(which).findFirst();
                        },
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private HttpResponse<byte[]> get(String url, boolean withApiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (withApiKey) {
            request.header("X-Api-Key", ApiClient.TEST_API_KEY);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private BufferedImage png(String path) throws Exception {
        HttpResponse<byte[]> response = get(api.baseUrl() + path, true);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image).as("a PNG that decodes").isNotNull();
        return image;
    }
}
