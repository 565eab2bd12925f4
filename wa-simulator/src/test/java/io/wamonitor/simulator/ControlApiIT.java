package io.wamonitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The control API's documented shape, its refusals, and the human /phone page. */
class ControlApiIT extends AbstractBrowserIT {

    @Test
    void theFourStableCallsAreDocumentedInOpenApi() {
        JsonNode paths = sim.get("/sim/openapi.json").json().path("paths");

        assertThat(paths.has("/sim/link")).isTrue();
        assertThat(paths.path("/sim/phones/{phone}/inbound").has("post")).isTrue();
        assertThat(paths.path("/sim/phones/{phone}/outbox").has("get")).isTrue();
        assertThat(paths.path("/sim/phones/{phone}/unlink").has("post")).isTrue();
        assertThat(paths.fieldNames()).toIterable().allMatch(p -> p.startsWith("/sim/"));
    }

    @Test
    void refusalsAreProblemsWithCodes() {
        assertCode(sim.post("/sim/link", Map.of("qr", "nonsense", "phone", "15550001111")), 400, "QR_INVALID");
        assertCode(sim.post("/sim/link", Map.of("qr", "2@x,a,b,c", "phone", "15550001111")), 404, "QR_NOT_FOUND");
        assertCode(sim.post("/sim/link", Map.of("qr", "2@x,a,b,c", "phone", "12")), 400, "INVALID_PHONE");
        assertCode(
                sim.post("/sim/phones/15550009876/inbound", Map.of("from", "15550001234", "text", "x")),
                404,
                "PHONE_NOT_FOUND");
        assertCode(sim.get("/sim/phones/15550009876/outbox"), 404, "PHONE_NOT_FOUND");
    }

    @Test
    void inboundNeedsTextOrValidMedia() {
        link("15552000001");

        assertCode(sim.post("/sim/phones/15552000001/inbound", Map.of("from", "15550001234")), 400, "INVALID_MESSAGE");
        assertCode(
                sim.post(
                        "/sim/phones/15552000001/inbound",
                        Map.of(
                                "from",
                                "15550001234",
                                "media",
                                Map.of("mimetype", "image/png", "data", "%%% not base64"))),
                400,
                "INVALID_MEDIA");
        assertCode(
                sim.post("/sim/phones/15552000001/inbound", Map.of("from", "x", "text", "hi")), 400, "INVALID_PHONE");
    }

    @Test
    void thePhonePageScansAPendingQrAsANumber() {
        browser.open(sim.base() + "/");
        awaitQr();
        var phonePage = browser.page().context().newPage();
        phonePage.navigate(sim.base() + "/phone");
        // This test's QR batch idles after a few seconds; show a fresh one, as the user would by clicking.
        browser.eval("WPP.conn.refreshQR().then(c => c.fullCode)");

        phonePage.locator("#pairings input[data-id]").first().fill("15552000002");
        phonePage.locator("#pairings button[data-scan]").first().click();

        awaitMain();
        assertThat(browser.eval("WPP.conn.getMyUserId()._serialized")).isEqualTo("15552000002@c.us");
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(sim.get("/sim/pairings").json()).isEmpty());
        phonePage.close();
    }

    private static void assertCode(SimControl.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().path("code").asText()).isEqualTo(code);
    }
}
