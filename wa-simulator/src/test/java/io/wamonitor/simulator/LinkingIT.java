package io.wamonitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The linking sequences of docs/WA-JS.md section 8 in a real Chromium: QR, pairing code, restore, logout. */
class LinkingIT extends AbstractBrowserIT {

    @Test
    void firstLoginWithQrLinksReloadsAndReachesMain() {
        browser.open(sim.base() + "/");

        String qr = awaitQr();
        assertThat(qr.split(",")).hasSize(4);
        assertThat(qr).startsWith("2@");
        // The QR rotates every 1.5 s here: compare what is on screen with the code of the same moment.
        await().pollInSameThread().atMost(EVENTUALLY).untilAsserted(() -> {
            @SuppressWarnings("unchecked")
            List<Object> now = (List<Object>) browser.eval("WPP.conn.getAuthCode().then(c => [c && c.fullCode, "
                    + "(document.querySelector('[data-ref]') || {dataset: {}}).dataset.ref || null])");
            assertThat(now.get(0)).isNotNull().isEqualTo(now.get(1));
        });
        assertThat(browser.named("conn.require_auth")).isNotEmpty();
        assertThat(browser.named("conn.main_ready")).hasSize(1);
        assertThat(browser.eval("WPP.conn.isRegistered()")).isEqualTo(false);
        assertThat(browser.page().locator(".landing-card h1").textContent()).isEqualTo("Use WhatsApp on your computer");
        browser.page()
                .screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "simulator-linking-screen.png")));
        await().pollInSameThread().atMost(EVENTUALLY).untilAsserted(() -> {
            String shown = browser.page().getAttribute("[data-ref]", "data-ref");
            assertThat(QrImages.decode(browser.page().locator(".qr canvas").screenshot()))
                    .as("the QR a phone would scan")
                    .isEqualTo(shown);
        });

        scan("15550001111");

        awaitMain();
        assertThat(browser.eval("WPP.conn.getMyUserId()._serialized")).isEqualTo("15550001111@c.us");
        assertThat(browser.eval("WPP.conn.isAuthenticated()")).isEqualTo(true);
        assertThat(names()).containsSubsequence("conn.main_loaded", "conn.authenticated");
        assertThat(browser.eval("location.search")).as("no logout navigation").isEqualTo("");
        assertThat(browser.page().locator(".side").isVisible()).isTrue();
    }

    @Test
    void qrRotatesThenGoesIdleAndRefreshGivesANewOne() {
        browser.open(sim.base() + "/");

        Set<String> codes = new LinkedHashSet<>();
        await().pollInSameThread().atMost(EVENTUALLY).untilAsserted(() -> {
            browser.eval("1");
            browser.named("conn.auth_code_change").stream()
                    .map(SimBrowser.Event::args)
                    .filter(a -> a.contains("fullCode"))
                    .forEach(codes::add);
            assertThat(browser.named("conn.qrcode_idle")).isNotEmpty();
        });
        assertThat(codes).as("three refs were shown").hasSize(3);
        assertThat(browser.eval("WPP.conn.isIdle()")).isEqualTo(true);
        assertThat(browser.page().locator(".qr-idle").isVisible()).isTrue();
        String stale = (String) browser.eval("(() => document.querySelector('[data-ref]').dataset.ref)()");

        Object fresh = browser.eval("WPP.conn.refreshQR().then(c => c.fullCode)");
        assertThat(fresh).isNotNull().isNotEqualTo(stale);
        assertThat(browser.eval("WPP.conn.isIdle()")).isEqualTo(false);

        SimControl.Response expired = sim.post("/sim/link", Map.of("qr", stale, "phone", "15550001112"));
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.json().path("code").asText()).isEqualTo("QR_EXPIRED");
        assertThat(sim.post("/sim/link", Map.of("qr", fresh, "phone", "15550001112"))
                        .status())
                .isEqualTo(200);
        awaitMain();
    }

    @Test
    void pairingCodeLinksWithoutAQr() {
        browser.open(sim.base() + "/");
        awaitQr();
        awaitEval("WPP.isFullReady", true);

        String code = (String) browser.eval("WPP.conn.startLinkDeviceCodeForPhoneNumber('15550003333')");
        assertThat(code).matches("[A-Z0-9]{8}");
        awaitEvent("conn.link_code_change");
        assertThat(browser.page().locator(".pairing-code").textContent())
                .isEqualTo(code.substring(0, 4) + "-" + code.substring(4));
        assertThat(sim.post("/sim/phones/15550003333/pairing-code", Map.of("code", "WRONG123"))
                        .status())
                .isEqualTo(404);

        assertThat(sim.post("/sim/phones/15550003333/pairing-code", Map.of("code", code))
                        .status())
                .isEqualTo(200);

        awaitMain();
        assertThat(browser.eval("WPP.conn.getMyUserId()._serialized")).isEqualTo("15550003333@c.us");
    }

    @Test
    void anUnusedPairingCodeIsReplacedThenExpires() {
        browser.open(sim.base() + "/");
        awaitQr();
        awaitEval("WPP.isFullReady", true);
        String first = (String) browser.eval("WPP.conn.startLinkDeviceCodeForPhoneNumber('15550003334')");

        await().pollInSameThread().atMost(EVENTUALLY).untilAsserted(() -> {
            browser.eval("1");
            assertThat(browser.named("conn.link_code_expired")).hasSize(1);
        });
        List<String> codes = browser.named("conn.link_code_change").stream()
                .map(SimBrowser.Event::args)
                .toList();
        assertThat(codes).hasSize(3).doesNotHaveDuplicates();
        assertThat(codes.get(0)).contains(first);
        String last = codes.get(2).replaceAll("[^A-Z0-9]", "");
        SimControl.Response expired = sim.post("/sim/phones/15550003334/pairing-code", Map.of("code", last));
        assertThat(expired.status()).as("an expired code links nothing").isEqualTo(404);
        assertThat(browser.eval("WPP.conn.refreshLinkDeviceCode().catch(e => e.message)"))
                .isEqualTo("No phone linking flow is active");
    }

    @Test
    void aLinkedProfileRestoresWithoutQrAfterABrowserRestart() {
        link("15550004444");
        browser.closeBrowser();
        browser.events.clear();

        browser.open(sim.base() + "/");

        awaitMain();
        List<String> names = names();
        assertThat(names).doesNotContain("conn.require_auth", "conn.authenticated", "conn.qrcode_idle");
        assertThat(browser.named("conn.auth_code_change"))
                .allMatch(e -> e.args().equals("[null]"));
        assertThat(names).containsSubsequence("conn.stream_mode_changed", "conn.main_ready");
        assertThat(browser.eval("WPP.conn.getMyUserId()._serialized")).isEqualTo("15550004444@c.us");
    }

    @Test
    void aProfileWhoseDeviceWasUnlinkedWhileClosedGetsAQrAgain() {
        link("15550005555");
        browser.closeBrowser();
        assertThat(sim.post("/sim/phones/15550005555/unlink", Map.of())
                        .json()
                        .path("unlinked")
                        .asInt())
                .isEqualTo(1);
        browser.events.clear();

        browser.open(sim.base() + "/");

        awaitQr();
        assertThat(browser.eval("WPP.conn.isRegistered()")).isEqualTo(false);
    }

    @Test
    void logoutFromThePhoneReloadsToANewQr() {
        link("15550006666");
        browser.events.clear();

        sim.post("/sim/phones/15550006666/unlink", Map.of());

        awaitEvent("conn.logout");
        awaitQr();
        assertThat(browser.eval("location.search")).isEqualTo("?post_logout=1");
        assertThat(browser.eval("WPP.conn.isRegistered()")).isEqualTo(false);
        JsonNode phone = sim.get("/sim/phones/15550006666").json();
        assertThat(phone.path("devices")).isEmpty();
    }

    @Test
    void logoutThroughWppUnlinksTheDevice() {
        link("15550007777");
        browser.events.clear();

        assertThat(browser.eval("WPP.conn.logout()")).isEqualTo(true);

        awaitQr();
        assertThat(sim.get("/sim/phones/15550007777").json().path("devices")).isEmpty();
    }
}
