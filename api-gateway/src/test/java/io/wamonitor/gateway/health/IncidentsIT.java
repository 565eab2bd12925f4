package io.wamonitor.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.event.AccountIncident;
import io.wamonitor.gateway.AbstractGatewayIT;
import io.wamonitor.testkit.ApiClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Incidents a worker reports, as an operator reads them: newest first, the last ten, each with its screenshot. */
class IncidentsIT extends AbstractGatewayIT {

    @Autowired
    private MongoTemplate mongo;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anIncidentIsListedWithAScreenshotThatDecodes() throws Exception {
        String id = createAccount();
        AccountIncident incident = incident(Instant.parse("2026-12-01T10:00:00Z"), "reload", png(64, 40));
        support.publishEvent(UUID.fromString(id), incident, Instant.now());
        support.publishEvent(UUID.fromString(id), incident, Instant.now()); // delivered twice: one incident

        JsonNode list = await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/api/accounts/" + id + "/incidents").json(), l -> l.size() == 1);
        JsonNode only = list.get(0);
        assertThat(only.path("id").asText()).isEqualTo(incident.incidentId().toString());
        assertThat(only.path("at").asText()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(only.path("from_status").asText()).isEqualTo("READY");
        assertThat(only.path("to_status").asText()).isEqualTo("DISCONNECTED");
        assertThat(only.path("heal_step").asText()).isEqualTo("reload");
        assertThat(only.path("reason").asText()).contains("no contact");
        assertThat(only.path("worker_id").asText()).isEqualTo("worker-test");
        String url = only.path("screenshot_url").asText();
        assertThat(url).isEqualTo("/api/accounts/" + id + "/incidents/" + incident.incidentId() + "/screenshot");

        HttpResponse<byte[]> shot = getBytes(url, ApiClient.TEST_API_KEY);
        assertThat(shot.statusCode()).isEqualTo(200);
        assertThat(shot.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(shot.body()));
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(40);

        assertThat(getBytes(url, null).statusCode())
                .as("the screenshot needs the API key")
                .isEqualTo(401);
    }

    @Test
    void onlyTheNewestTenAreKeptNewestFirst() {
        String id = createAccount();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            AccountIncident incident =
                    incident(Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i), null, png(8, 8));
            ids.add(incident.incidentId());
            support.publishEvent(UUID.fromString(id), incident, Instant.now());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode list = api.get("/api/accounts/" + id + "/incidents").json();
            List<String> listed = new ArrayList<>();
            list.forEach(i -> listed.add(i.path("id").asText()));
            List<String> newestTen = new ArrayList<>();
            for (int i = 12; i >= 3; i--) {
                newestTen.add(ids.get(i).toString());
            }
            assertThat(listed).containsExactlyElementsOf(newestTen);
        });
        String oldest = ids.get(0).toString();
        assertThat(api.get("/api/accounts/" + id + "/incidents/" + oldest + "/screenshot")
                        .status())
                .isEqualTo(404);
        assertThat(screenshotsOf(id))
                .as("only the kept incidents' pictures stay")
                .isEqualTo(10);

        // A worker's event that arrives late, older than all ten: not kept, and neither is its picture.
        AccountIncident late = incident(Instant.parse("2026-12-01T09:00:00Z"), null, png(8, 8));
        support.publishEvent(UUID.fromString(id), late, Instant.now());
        AccountIncident newest = incident(Instant.parse("2026-12-01T11:00:00Z"), null, png(8, 8));
        support.publishEvent(UUID.fromString(id), newest, Instant.now());
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get("/api/accounts/" + id + "/incidents")
                                .json()
                                .get(0)
                                .path("id")
                                .asText(),
                        newest.incidentId().toString()::equals);
        assertThat(api.get("/api/accounts/" + id + "/incidents").body())
                .doesNotContain(late.incidentId().toString());
        assertThat(screenshotsOf(id)).isEqualTo(10);
    }

    private long screenshotsOf(String accountId) {
        return mongo.getCollection("incident_screenshots.files")
                .countDocuments(new Document("metadata.account_id", accountId));
    }

    @Test
    void anIncidentWithoutAPictureSaysWhyAndBadScreenshotsAreNotServed() {
        String id = createAccount();
        AccountIncident frozen = new AccountIncident(
                UUID.randomUUID(),
                Instant.now(),
                AccountStatus.READY,
                AccountStatus.DISCONNECTED,
                "the page did not answer",
                "relaunch",
                "page_unresponsive",
                "worker-test",
                null,
                "the page did not answer (its main thread was blocked)");
        AccountIncident notPng = incident(Instant.now(), null, "not a png".getBytes());
        support.publishEvent(UUID.fromString(id), frozen, Instant.now());
        support.publishEvent(UUID.fromString(id), notPng, Instant.now());
        JsonNode list = await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/api/accounts/" + id + "/incidents").json(), l -> l.size() == 2);
        list.forEach(i -> assertThat(i.path("screenshot_url").isNull()).isTrue());
        assertThat(list.toString()).contains("its main thread was blocked");
        ApiClient.Response missing =
                api.get("/api/accounts/" + id + "/incidents/" + frozen.incidentId() + "/screenshot");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("code").asText()).isEqualTo("INCIDENT_NOT_FOUND");
    }

    @Test
    void incidentsAndHealthOfAnUnknownAccountAre404AndADeletedAccountTakesItsIncidents() {
        String unknown = UUID.randomUUID().toString();
        assertThat(api.get("/api/accounts/" + unknown + "/incidents")
                        .json()
                        .path("code")
                        .asText())
                .isEqualTo("ACCOUNT_NOT_FOUND");
        assertThat(api.get("/api/accounts/" + unknown + "/health")
                        .json()
                        .path("code")
                        .asText())
                .isEqualTo("ACCOUNT_NOT_FOUND");

        String id = createAccount();
        JsonNode health = api.get("/api/accounts/" + id + "/health").json();
        assertThat(health.path("status").asText()).isNotEmpty();
        assertThat(health.path("health").isNull())
                .as("the stand-in worker reports no session: health unknown")
                .isTrue();
        assertThat(health.has("last_server_contact_at")).isTrue();
        assertThat(health.has("heals_last_24h")).isTrue();
        assertThat(api.get("/api/accounts").json().get(0).has("health")).isTrue();

        AccountIncident incident = incident(Instant.now(), null, png(4, 4));
        support.publishEvent(UUID.fromString(id), incident, Instant.now());
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        api.get("/api/accounts/" + id + "/incidents").json().size() == 1);
        api.delete("/api/accounts/" + id);
        String recreated = createAccount();
        assertThat(api.get("/api/accounts/" + recreated + "/incidents").json()).isEmpty();
    }

    private String createAccount() {
        ApiClient.Response created = api.post("/api/accounts", "{\"name\":\"Health\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private static AccountIncident incident(Instant at, String step, byte[] screenshot) {
        return new AccountIncident(
                UUID.randomUUID(),
                at,
                AccountStatus.READY,
                AccountStatus.DISCONNECTED,
                "no contact with WhatsApp's servers for 301 s",
                step,
                step == null ? null : "server_silent",
                "worker-test",
                Base64.getEncoder().encodeToString(screenshot),
                null);
    }

    private static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> getBytes(String path, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
