package io.wamonitor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.wamonitor.testkit.ApiClient;
import io.wamonitor.testkit.Platform;
import io.wamonitor.testkit.QrDecoder;
import io.wamonitor.testkit.RabbitBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator's day in the dashboard, in real Chromium against the real gateway, worker and simulator: sign in
 * with the API key, create an account, scan the QR code shown on screen with the phone, watch it become READY,
 * look at its live screen, send a message, delete it. The page must run under the gateway's strict
 * Content-Security-Policy without a single violation.
 */
@Tag("browser")
@ExtendWith(RabbitBrokerExtension.class)
class DashboardIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private static final String PHONE = "15550001111";
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");

    @Test
    void anOperatorLinksLooksAtSendsFromAndDeletesAnAccount() {
        try (Platform platform = new Platform().with("SESSION_STALL_TIMEOUT", "10s");
                Playwright playwright = Playwright.create();
                Browser browser = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(Path.of(CHROMIUM))
                                .setHeadless(true)
                                .setArgs(List.of(
                                        "--no-sandbox",
                                        "--disable-gpu",
                                        "--disable-dev-shm-usage",
                                        "--disable-background-networking",
                                        "--no-first-run",
                                        "--disable-component-update",
                                        "--disable-sync")))) {
            platform.startAll("worker-dashboard");
            ApiClient api = platform.api();
            ApiClient sim = platform.simulator();
            sim.post("/sim/numbers", "{\"phone\":\"15550004444\"}");

            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
            List<String> problems = new CopyOnWriteArrayList<>();
            // The browser logs every refused request as a console error without saying which; refusals are
            // checked one by one through the responses instead (see the end).
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                    problems.add(message.text());
                }
            });
            page.onPageError(error -> problems.add(error));
            List<String> refused = new CopyOnWriteArrayList<>();
            page.onResponse(response -> {
                if (response.status() >= 400) {
                    refused.add(response.status() + " " + response.url());
                }
            });
            page.navigate(api.baseUrl() + "/");

            // Sign in: a wrong key is refused, the right one opens the account list.
            page.getByTestId("api-key-input").fill("wam_not_the_key");
            page.getByTestId("api-key-submit").click();
            assertThat(page.getByTestId("problem-detail").first().textContent()).isNotBlank();
            assertThat(refused).singleElement().asString().startsWith("401 ");
            refused.clear();
            page.getByTestId("api-key-input").fill(ApiClient.TEST_API_KEY);
            page.getByTestId("api-key-submit").click();
            page.getByTestId("new-account-name").waitFor();

            // Create an account: its webhook secret is shown this once.
            page.getByTestId("new-account-name").fill("Front desk");
            page.getByTestId("new-account-submit").click();
            assertThat(page.getByTestId("webhook-secret").textContent()).contains("whsec_");
            Locator row = page.getByTestId("account-row").filter(new Locator.FilterOptions().setHasText("Front desk"));
            row.waitFor();
            String id = row.getAttribute("data-account-id");
            assertThat(api.get("/api/accounts/" + id).text("name")).isEqualTo("Front desk");

            // Open it and scan the QR code on screen with the phone.
            row.click();
            Locator qr = page.getByTestId("qr-image");
            await("QR code scanned from the screen")
                    .atMost(EVENTUALLY)
                    .ignoreExceptions()
                    .untilAsserted(() -> {
                        qr.waitFor(new Locator.WaitForOptions()
                                .setState(WaitForSelectorState.VISIBLE)
                                .setTimeout(30_000));
                        String text = QrDecoder.decode(qr.screenshot());
                        ApiClient.Response linked =
                                sim.post("/sim/link", "{\"qr\":\"" + text + "\",\"phone\":\"" + PHONE + "\"}");
                        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
                    });
            await("READY on screen")
                    .atMost(EVENTUALLY)
                    .untilAsserted(() -> assertThat(
                                    page.getByTestId("account-row").first().getAttribute("data-status"))
                            .isEqualTo("READY"));

            // The live screen: a screenshot of the account's WhatsApp Web, taken on demand.
            page.getByTestId("snapshot-button").click();
            Locator snapshot = page.getByTestId("snapshot-image");
            snapshot.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
            assertThat(snapshot.getAttribute("src")).startsWith("data:image/");
            assertThat(snapshot.boundingBox().width).isGreaterThan(200);

            // Send a text; it reaches the recipient through the phone.
            page.getByTestId("send-to").fill("15550004444");
            page.getByTestId("send-message").fill("Hello from the dashboard");
            page.getByTestId("send-submit").click();
            assertThat(page.getByTestId("send-result").textContent()).contains("true_15550004444@c.us_");
            assertThat(sim.get("/sim/phones/" + PHONE + "/outbox").json().findValuesAsText("text"))
                    .contains("Hello from the dashboard");

            // The workers page: the worker alive with the account on it; drain it (with nowhere to move the
            // account to, it stays), then let it take accounts again.
            page.navigate(api.baseUrl() + "/#/workers");
            Locator worker =
                    page.getByTestId("worker-row").filter(new Locator.FilterOptions().setHasText("worker-dashboard"));
            await("the worker alive on the workers page")
                    .atMost(EVENTUALLY)
                    .untilAsserted(
                            () -> assertThat(worker.getAttribute("data-state")).isEqualTo("alive"));
            assertThat(worker.getByTestId("worker-account").first().getAttribute("data-account-id"))
                    .isEqualTo(id);
            worker.getByTestId("drain-button").click();
            worker.getByTestId("drain-confirm").click();
            await("draining")
                    .atMost(EVENTUALLY)
                    .untilAsserted(
                            () -> assertThat(worker.getAttribute("data-state")).isEqualTo("draining"));
            assertThat(api.get("/api/workers").json().get(0).path("state").asText())
                    .isEqualTo("draining");
            worker.getByTestId("undrain-button").click();
            await("alive again")
                    .atMost(EVENTUALLY)
                    .untilAsserted(
                            () -> assertThat(worker.getAttribute("data-state")).isEqualTo("alive"));
            assertThat(api.get("/api/accounts/" + id).text("status")).isEqualTo("READY");
            page.navigate(api.baseUrl() + "/#/accounts");
            page.getByTestId("account-row").first().click();

            // The session goes silent (connected, but nothing from WhatsApp's servers): the worker reloads the
            // page, and the account's page shows that incident with the picture of WhatsApp Web as it was.
            assertThat(sim.post("/sim/phones/" + PHONE + "/stall", "{\"mode\":\"silent\"}")
                            .status())
                    .isEqualTo(200);
            Locator incident = page.getByTestId("incident-latest");
            await("the latest incident with its picture")
                    .atMost(EVENTUALLY)
                    .ignoreExceptions()
                    .untilAsserted(() -> {
                        assertThat(incident.textContent()).contains("Reloaded the WhatsApp Web page");
                        assertThat(incident.getByTestId("incident-screenshot")
                                        .evaluate("img => img.complete && img.naturalWidth > 100"))
                                .isEqualTo(true);
                    });
            platform.awaitStatus(id, "READY");

            // Until now the gateway refused nothing but, at most, a QR code fetched as the account left QR.
            assertThat(refused).allMatch(r -> r.startsWith("409 ") && r.endsWith("/qr"));
            refused.clear();

            // Delete it, confirming with its name; it is gone from the list and from the API.
            page.getByTestId("delete-button").click();
            page.getByTestId("delete-confirm-input").fill("Front desk");
            page.getByTestId("delete-confirm").click();
            await("account gone")
                    .atMost(EVENTUALLY)
                    .untilAsserted(() ->
                            assertThat(page.getByTestId("account-row").count()).isZero());
            assertThat(api.get("/api/accounts").json()).isEmpty();

            assertThat(problems).as("console errors and CSP violations").isEmpty();
            assertThat(refused)
                    .as("only requests about the deleted account, in flight as it went, may be refused")
                    .allMatch(r -> r.startsWith("404 ") && r.contains("/api/accounts/" + id));
        }
    }
}
