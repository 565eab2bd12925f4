package io.wamonitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stalls for session-health tests: a silent connection (the page says it is connected, nothing arrives and nothing
 * is answered) and a frozen page (its main thread blocked), each for the connection of the moment or, persistent,
 * for every new one until unstall.
 */
class StallIT extends AbstractBrowserIT {

    private static final String ABOUT = "Hey there! I am using WhatsApp.";
    /** How long a stalled page is watched for something it must not do. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    @Test
    void aSilentConnectionLooksConnectedButNothingArrivesUntilThePageReloads() {
        link("15553000001");
        assertThat(browser.eval("WPP.profile.getMyStatus()")).isEqualTo(ABOUT);

        SimControl.Response stalled = sim.post("/sim/phones/15553000001/stall", Map.of("mode", "silent"));

        assertThat(stalled.status()).as(stalled.toString()).isEqualTo(200);
        assertThat(stalled.json().path("mode").asText()).isEqualTo("silent");
        assertThat(stalled.json().path("persistent").asBoolean()).isFalse();
        assertThat(browser.eval("[WPP.conn.getStreamData().mode, WPP.conn.getStreamData().info, WPP.conn.isOnline()]"))
                .isEqualTo(List.of("MAIN", "NORMAL", true));
        JsonNode delivered = inbound("15553000001", "while silent");
        assertThat(delivered.path("queued").asBoolean()).isTrue();
        String id = delivered.path("message_id").asText();
        assertNeverArrives(id);
        assertThat(browser.eval("WPP.profile.getMyStatus()"))
                .as("known already: answered from WhatsApp Web's status store, without the servers")
                .isEqualTo(ABOUT);
        assertThat(myStatusWithin(QUIET)).as("the status round trip").isEqualTo("pending");

        browser.page().reload();

        awaitMain();
        awaitArrivedOnce("15553000001", id);
        assertThat(browser.eval("WPP.profile.getMyStatus()")).isEqualTo(ABOUT);
    }

    @Test
    void aPersistentSilentStallSilencesTheReloadedPageTooUntilUnstall() {
        link("15553000002");
        sim.post("/sim/phones/15553000002/stall", Map.of("mode", "silent", "persistent", true));
        JsonNode stall = sim.get("/sim/phones/15553000002").json().path("stall");
        assertThat(stall.path("mode").asText()).isEqualTo("silent");
        assertThat(stall.path("persistent").asBoolean()).isTrue();
        String id = inbound("15553000002", "while silent").path("message_id").asText();

        browser.page().reload();

        awaitMain();
        assertNeverArrives(id);
        assertThat(myStatusWithin(QUIET)).isEqualTo("pending");

        SimControl.Response unstalled = sim.post("/sim/phones/15553000002/unstall", Map.of());

        assertThat(unstalled.status()).as(unstalled.toString()).isEqualTo(200);
        assertThat(unstalled.json().path("mode").isNull()).isTrue();
        assertThat(sim.get("/sim/phones/15553000002").json().path("stall").isNull())
                .isTrue();
        awaitArrivedOnce("15553000002", id);
    }

    @Test
    void aFrozenPageRunsNoScriptUntilUnstall() {
        link("15553000003");

        sim.post("/sim/phones/15553000003/stall", Map.of("mode", "freeze"));

        awaitFrozen("15553000003");
        // What the worker's page deadline sees: a function that is true at once cannot be evaluated.
        assertThatThrownBy(() -> browser.page()
                        .waitForFunction("() => true", null, new Page.WaitForFunctionOptions().setTimeout(2000)))
                .isInstanceOf(TimeoutError.class);
        String id = inbound("15553000003", "while frozen").path("message_id").asText();
        assertThat(pendingMessages("15553000003"))
                .as("not confirmed by a frozen page")
                .isEqualTo(1);

        sim.post("/sim/phones/15553000003/unstall", Map.of());

        awaitAnswering();
        awaitArrivedOnce("15553000003", id);
    }

    @Test
    void aBrowserRelaunchedAfterAFreezeIsReadyWithoutAQrAndGetsWhatWasSentMeanwhile() {
        link("15553000004");
        sim.post("/sim/phones/15553000004/stall", Map.of("mode", "freeze"));
        awaitFrozen("15553000004");
        String id = inbound("15553000004", "while frozen").path("message_id").asText();

        browser.closeBrowser();
        browser.events.clear();
        browser.open(sim.base() + "/");

        awaitMain();
        awaitArrivedOnce("15553000004", id);
        assertThat(browser.named("conn.require_auth")).as("no QR").isEmpty();
        assertThat(browser.eval("WPP.conn.isRegistered()")).isEqualTo(true);
    }

    @Test
    void aPersistentFreezeFreezesTheRelaunchedBrowserTooUntilUnstall() {
        link("15553000005");
        sim.post("/sim/phones/15553000005/stall", Map.of("mode", "freeze", "persistent", true));
        awaitFrozen("15553000005");
        String id = inbound("15553000005", "while frozen").path("message_id").asText();

        browser.closeBrowser();
        browser.open(sim.base() + "/");

        awaitFrozen("15553000005");
        sim.post("/sim/phones/15553000005/unstall", Map.of());
        awaitAnswering();
        awaitMain();
        awaitArrivedOnce("15553000005", id);
    }

    @Test
    void stallCallsRefuseUnknownPhonesUnlinkedPhonesAndBadModes() {
        assertCode(sim.post("/sim/phones/15553009999/stall", Map.of("mode", "silent")), 404, "PHONE_NOT_FOUND");
        assertCode(sim.post("/sim/phones/15553009999/unstall", Map.of()), 404, "PHONE_NOT_FOUND");
        link("15553000006");
        assertCode(sim.post("/sim/phones/15553000006/stall", Map.of("mode", "sleepy")), 400, "INVALID_STALL_MODE");
        assertCode(sim.post("/sim/phones/15553000006/stall", Map.of("persistent", true)), 400, "INVALID_STALL_MODE");
        assertCode(
                sim.post("/sim/phones/15553000006/stall", Map.of("mode", "silent", "persistent", "yes")),
                400,
                "MALFORMED_REQUEST");
        assertThat(sim.get("/sim/phones/15553000006").json().path("stall").isNull())
                .isTrue();

        sim.post("/sim/phones/15553000006/unlink", Map.of());

        assertCode(sim.post("/sim/phones/15553000006/stall", Map.of("mode", "freeze")), 409, "NOT_LINKED");
        JsonNode paths = sim.get("/sim/openapi.json").json().path("paths");
        assertThat(paths.path("/sim/phones/{phone}/stall").has("post")).isTrue();
        assertThat(paths.path("/sim/phones/{phone}/unstall").has("post")).isTrue();
    }

    // ---- steps -------------------------------------------------------------------------------------------

    private JsonNode inbound(String phone, String text) {
        SimControl.Response response =
                sim.post("/sim/phones/" + phone + "/inbound", Map.of("from", "15557773000", "text", text));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private List<SimBrowser.Event> newMessages(String id) {
        return browser.named("chat.new_message").stream()
                .filter(e -> e.args().contains("\"id\":\"" + id + "\""))
                .toList();
    }

    private void assertNeverArrives(String id) {
        await().pollInSameThread().during(QUIET).atMost(QUIET.multipliedBy(3)).untilAsserted(() -> {
            browser.eval("1");
            assertThat(newMessages(id)).isEmpty();
        });
    }

    /** Arrived, confirmed to the server, and reported once. */
    private void awaitArrivedOnce(String phone, String id) {
        await().pollInSameThread().atMost(EVENTUALLY).untilAsserted(() -> {
            browser.eval("1");
            assertThat(newMessages(id)).isNotEmpty();
        });
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(pendingMessages(phone)).isZero());
        browser.eval("1");
        assertThat(newMessages(id)).hasSize(1);
    }

    private int pendingMessages(String phone) {
        return sim.get("/sim/phones/" + phone)
                .json()
                .path("devices")
                .get(0)
                .path("pending_messages")
                .asInt();
    }

    /**
     * What {@code WPP.profile.getMyStatus()} resolved to within {@code wait}, or "pending", asked of the servers (the
     * status store's copy removed first, as the worker's health round trip does).
     */
    private Object myStatusWithin(Duration wait) {
        return browser.eval("(WPP.whatsapp.StatusStore.remove(WPP.conn.getMyUserId()), "
                + "Promise.race([WPP.profile.getMyStatus(), new Promise(r => setTimeout(() => r('pending'), "
                + wait.toMillis() + "))]))");
    }

    /**
     * The phone's page is blocked in its freeze loop, as the server sees it (its long polls arrive). Asked of the
     * server, not of the page: a call into a page that froze while loading can wait forever, whatever its timeout.
     */
    private void awaitFrozen(String phone) {
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(sim.get("/sim/phones/" + phone)
                                .json()
                                .path("stall")
                                .path("frozen_pages")
                                .asInt())
                        .isPositive());
    }

    private void awaitAnswering() {
        await().pollInSameThread()
                .atMost(EVENTUALLY)
                .ignoreException(TimeoutError.class)
                .until(() -> browser.page()
                                .waitForFunction(
                                        "() => !!window.WPP", null, new Page.WaitForFunctionOptions().setTimeout(2000))
                        != null);
    }

    private static void assertCode(SimControl.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().path("code").asText()).isEqualTo(code);
    }
}
