package io.wamonitor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.AmqpTopology;
import io.wamonitor.contracts.event.AccountQrChanged;
import io.wamonitor.contracts.event.AccountStatusChanged;
import io.wamonitor.testkit.ApiClient;
import io.wamonitor.testkit.AppProcess;
import io.wamonitor.testkit.MessageTap;
import io.wamonitor.testkit.Platform;
import io.wamonitor.testkit.PrometheusText;
import io.wamonitor.testkit.QrDecoder;
import io.wamonitor.testkit.RabbitBroker;
import io.wamonitor.testkit.RabbitBrokerExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The product brief's QA checklist steps 1 to 5 and 8, end to end: gateway, worker and wa-simulator as
 * processes, real Chromium, driven through the public API and the simulator's phone.
 */
@Tag("browser")
@ExtendWith(RabbitBrokerExtension.class)
class BrowserSessionIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private static final String PHONE = "15550001111";

    @Test
    void qaChecklistFromQrToSnapshotPersistenceLogoutAndRecovery() throws Exception {
        try (Platform platform = new Platform().with("WORKER_REPLY_TIMEOUT", "3s")) {
            AppProcess worker = platform.startAll("worker-qa");
            ApiClient api = platform.api();
            ApiClient sim = platform.simulator();
            try (MessageTap events = new MessageTap(
                    RabbitBroker.get(), new AmqpTopology(platform.namespace()).eventsExchange(), "topic")) {

                // Steps 1-2: create the account; its QR code appears as a PNG and rotates.
                String id =
                        api.post("/api/accounts", "{\"name\":\"QA Account\"}").text("id");
                String firstQr = awaitQrText(api, id);
                JsonNode account = api.get("/api/accounts/" + id).json();
                assertThat(account.path("status").asText()).isEqualTo("QR");
                assertThat(account.path("qr_code").asText()).startsWith("data:image/png;base64,");
                assertThat(QrDecoder.decode(pngOf(account.path("qr_code").asText())))
                        .isEqualTo(firstQr);
                ApiClient.Response png = api.get("/api/accounts/" + id + "/qr");
                assertThat(png.contentType()).isEqualTo("image/png");
                await("QR rotates").atMost(EVENTUALLY).until(() -> !firstQr.equals(qrText(api, id)));
                ApiClient.Response early = api.get("/api/accounts/" + id + "/snapshot");
                assertThat(early.status()).isEqualTo(409);
                assertThat(early.text("code")).isEqualTo("ACCOUNT_NOT_READY");

                // Step 3: the phone scans the QR code on screen.
                scan(api, sim, id);

                // Step 4: QR -> AUTH -> READY, with the phone number.
                awaitStatus(api, id, "READY");
                assertThat(api.get("/api/accounts/" + id).text("phone")).isEqualTo(PHONE);
                assertThat(api.get("/api/accounts/" + id).json().path("qr_code").isNull())
                        .isTrue();
                assertThat(statuses(events, id))
                        .containsSubsequence(AccountStatus.QR, AccountStatus.AUTH, AccountStatus.READY);

                // Step 5: the snapshot is a PNG of the main screen, taken from the existing page.
                ApiClient.Response snapshot = api.get("/api/accounts/" + id + "/snapshot");
                assertThat(snapshot.status()).as(snapshot.toString()).isEqualTo(200);
                assertThat(snapshot.text("account_id")).isEqualTo(id);
                BufferedImage screen = ImageIO.read(new ByteArrayInputStream(pngOf(snapshot.text("snapshot"))));
                assertThat(screen.getWidth()).isEqualTo(1280);
                assertMainScreen(screen);
                ApiClient.Response raw =
                        api.send("GET", "/api/accounts/" + id + "/snapshot", null, null, Map.of("Accept", "image/png"));
                assertThat(raw.contentType()).isEqualTo("image/png");
                ApiClient.Response jpeg = api.get("/api/accounts/" + id + "/snapshot?format=jpeg&quality=60");
                assertThat(jpeg.text("snapshot")).startsWith("data:image/jpeg;base64,");

                // Metrics: the gateway counts the account READY; the worker reports its session and the memory its
                // browser takes (Chromium tree and Playwright driver).
                await("metrics").atMost(EVENTUALLY).untilAsserted(() -> {
                    String gatewayMetrics = api.get("/actuator/prometheus").body();
                    String workerMetrics =
                            platform.workerHttp().get("/actuator/prometheus").body();
                    assertThat(PrometheusText.value(
                                    gatewayMetrics,
                                    "wamonitor_accounts",
                                    "status=\"READY\"",
                                    "application=\"api-gateway\""))
                            .isEqualTo(1.0);
                    assertThat(PrometheusText.value(
                                    workerMetrics,
                                    "wamonitor_worker_sessions",
                                    "status=\"READY\"",
                                    "application=\"browser-worker\""))
                            .isEqualTo(1.0);
                    assertThat(PrometheusText.value(
                                    workerMetrics,
                                    "wamonitor_worker_browser_memory_bytes",
                                    "account_id=\"" + id + "\""))
                            .isGreaterThan(30e6);
                    for (String process : List.of("driver", "browser", "renderer")) {
                        assertThat(PrometheusText.value(
                                        workerMetrics,
                                        "wamonitor_worker_browser_process_memory_bytes",
                                        "account_id=\"" + id + "\"",
                                        "process=\"" + process + "\""))
                                .as(process)
                                .isGreaterThan(5e6);
                    }
                });

                // Step 8: restart the worker process; the account is READY again without a new QR code.
                worker.stop();
                awaitStatus(api, id, "DISCONNECTED");
                events.clear();
                worker = platform.startWorker("worker-qa");
                await("READY from the restarted worker")
                        .atMost(EVENTUALLY)
                        .untilAsserted(() -> assertThat(statuses(events, id)).contains(AccountStatus.READY));
                awaitStatus(api, id, "READY");
                assertThat(statuses(events, id)).doesNotContain(AccountStatus.QR, AccountStatus.LOGGED_OUT);
                assertThat(events.payloads(AccountQrChanged.class)).allMatch(q -> q.qr() == null);

                // A crashed page is replaced in the same browser and comes back READY without a QR code.
                events.clear();
                assertThat(ChromiumProcesses.killRenderers(platform.sessionsDir()))
                        .isPositive();
                await().atMost(EVENTUALLY)
                        .untilAsserted(() -> assertThat(statuses(events, id))
                                .containsSubsequence(AccountStatus.DISCONNECTED, AccountStatus.READY));
                assertThat(PrometheusText.value(
                                platform.workerHttp()
                                        .get("/actuator/prometheus")
                                        .body(),
                                "wamonitor_worker_page_crashes_total"))
                        .isEqualTo(1.0);
                assertThat(statuses(events, id)).doesNotContain(AccountStatus.QR);

                // A browser killed from outside is relaunched from the profile, still logged in.
                events.clear();
                assertThat(ChromiumProcesses.killBrowsers(platform.sessionsDir()))
                        .isPositive();
                await().atMost(EVENTUALLY)
                        .untilAsserted(() -> assertThat(statuses(events, id))
                                .containsSubsequence(AccountStatus.DISCONNECTED, AccountStatus.READY));
                assertThat(PrometheusText.value(
                                platform.workerHttp()
                                        .get("/actuator/prometheus")
                                        .body(),
                                "wamonitor_worker_browser_relaunches_total"))
                        .isEqualTo(1.0);

                // Restart through the API: the browser reopens from its profile, still logged in.
                events.clear();
                assertThat(api.post("/api/accounts/" + id + "/restart", "").status())
                        .isEqualTo(202);
                await().atMost(EVENTUALLY)
                        .untilAsserted(() -> assertThat(statuses(events, id))
                                .containsSubsequence(AccountStatus.DISCONNECTED, AccountStatus.READY));

                // Logout from the phone: LOGGED_OUT, then a new QR code to scan.
                events.clear();
                sim.post("/sim/phones/" + PHONE + "/unlink", "{}");
                await().atMost(EVENTUALLY)
                        .untilAsserted(() -> assertThat(statuses(events, id))
                                .containsSubsequence(AccountStatus.LOGGED_OUT, AccountStatus.QR));
                awaitQrText(api, id);
                assertThat(api.get("/api/accounts/" + id).json().path("phone").isNull())
                        .isTrue();

                // Link by pairing code instead of QR, then log out through the API.
                ApiClient.Response code =
                        api.post("/api/accounts/" + id + "/pairing-code", "{\"phone\":\"+1 555 000 1111\"}");
                assertThat(code.status()).as(code.toString()).isEqualTo(200);
                assertThat(code.text("pairing_code")).matches("[A-Z0-9]{8}");
                platform.secret(code.text("pairing_code"));
                assertThat(sim.post(
                                        "/sim/phones/" + PHONE + "/pairing-code",
                                        "{\"code\":\"" + code.text("pairing_code") + "\"}")
                                .status())
                        .isEqualTo(200);
                awaitStatus(api, id, "READY");
                events.clear();
                assertThat(api.post("/api/accounts/" + id + "/logout", "").status())
                        .isEqualTo(202);
                await().atMost(EVENTUALLY)
                        .untilAsserted(() -> assertThat(statuses(events, id))
                                .containsSubsequence(AccountStatus.LOGGED_OUT, AccountStatus.QR));
                assertThat(sim.get("/sim/phones/" + PHONE).json().path("devices"))
                        .isEmpty();

                // The worker dies: a snapshot request answers 503 within the timeout instead of hanging.
                linkAgain(api, sim, id);
                worker.kill();
                ApiClient.Response unavailable = api.get("/api/accounts/" + id + "/snapshot");
                assertThat(unavailable.status()).as(unavailable.toString()).isEqualTo(503);
                assertThat(unavailable.text("code")).isEqualTo("WORKER_UNAVAILABLE");
            }
        }
    }

    @Test
    void stoppingAndDeletingLeaveNoChromiumOrProfileLocksBehind() throws IOException {
        try (Platform platform = new Platform()) {
            AppProcess worker = platform.startAll("worker-tidy");
            ApiClient api = platform.api();
            String kept = api.post("/api/accounts", "{\"name\":\"Kept\"}").text("id");
            String deleted = api.post("/api/accounts", "{\"name\":\"Deleted\"}").text("id");
            awaitQrText(api, kept);
            awaitQrText(api, deleted);
            assertThat(ChromiumProcesses.using(platform.sessionsDir())).isNotEmpty();

            // Delete: the browser closes and the profile directory is removed.
            assertThat(api.delete("/api/accounts/" + deleted).status()).isEqualTo(200);
            Path deletedDir = platform.sessionsDir().resolve(deleted);
            await().atMost(EVENTUALLY).until(() -> !Files.exists(deletedDir));
            assertThat(ChromiumProcesses.using(deletedDir)).isEmpty();

            // Stop: every browser closes, the remaining profile stays without Chromium's lock.
            worker.stop();
            assertThat(ChromiumProcesses.using(platform.sessionsDir())).isEmpty();
            Path profile = platform.sessionsDir().resolve(kept).resolve("profile");
            assertThat(profile).isDirectory();
            assertThat(profile.resolve("SingletonLock")).doesNotExist();
            assertThat(Files.getPosixFilePermissions(platform.sessionsDir().resolve(kept)))
                    .extracting(Object::toString)
                    .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE", "OWNER_EXECUTE");
        }
    }

    private static void linkAgain(ApiClient api, ApiClient sim, String id) {
        scan(api, sim, id);
        awaitStatus(api, id, "READY");
    }

    /** Scans the QR code shown now; it rotates every 2 s here, so a scan that just missed it is repeated. */
    static void scan(ApiClient api, ApiClient sim, String id) {
        await("scan").atMost(EVENTUALLY).untilAsserted(() -> {
            String qr = awaitQrText(api, id);
            ApiClient.Response linked = sim.post("/sim/link", "{\"qr\":\"" + qr + "\",\"phone\":\"" + PHONE + "\"}");
            assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        });
    }

    private static String awaitQrText(ApiClient api, String id) {
        String[] text = new String[1];
        await("QR code").atMost(EVENTUALLY).untilAsserted(() -> {
            text[0] = qrText(api, id);
            assertThat(text[0]).startsWith("2@");
        });
        return text[0];
    }

    private static String qrText(ApiClient api, String id) {
        ApiClient.Response response = api.get("/api/accounts/" + id + "/qr?format=text");
        return response.status() == 200 ? response.body() : null;
    }

    private static void awaitStatus(ApiClient api, String id, String status) {
        await("status " + status)
                .atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(api.get("/api/accounts/" + id).text("status"))
                        .isEqualTo(status));
    }

    private static List<AccountStatus> statuses(MessageTap events, String id) {
        return events.of(AccountStatusChanged.class, e -> UUID.fromString(id).equals(e.accountId())).stream()
                .map(e -> e.payload().status())
                .toList();
    }

    private static byte[] pngOf(String dataUrl) {
        return Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
    }

    /** The linking screen has a teal band at the top; the main screen a light grey header over a white list. */
    private static void assertMainScreen(BufferedImage screen) {
        int rgb = screen.getRGB(200, 10) & 0xFFFFFF;
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        assertThat(r).as("header red").isGreaterThan(220);
        assertThat(g).as("header green").isGreaterThan(220);
        assertThat(b).as("header blue").isGreaterThan(220);
    }
}
