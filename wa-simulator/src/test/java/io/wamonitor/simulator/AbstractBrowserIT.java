package io.wamonitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A simulator on a random port and a fresh Chromium profile per test, with the steps tests share. */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sim.qr-interval=1500ms",
            "sim.qr-refs=3",
            "sim.ciphertext-rate=0",
            "sim.delivery-delay=100ms",
            "sim.read-delay=400ms",
            "sim.pairing-code-interval=3s",
            "sim.pairing-code-refreshes=2"
        })
abstract class AbstractBrowserIT {

    static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    SimControl sim;
    Path profile;
    SimBrowser browser;

    @BeforeEach
    void startBrowser() {
        sim = new SimControl(port);
        profile = SimBrowser.newProfile();
        browser = new SimBrowser(profile);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
        browser.deleteProfile();
    }

    // ---- steps -------------------------------------------------------------------------------------------

    /** Links the page to {@code phone}, scanning whatever QR is on screen (it rotates every 1.5 s here). */
    void link(String phone) {
        browser.open(sim.base() + "/");
        scan(phone);
        awaitMain();
    }

    void scan(String phone) {
        await().pollInSameThread().atMost(EVENTUALLY).untilAsserted(() -> {
            SimControl.Response linked = sim.post("/sim/link", Map.of("qr", awaitQr(), "phone", phone));
            assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        });
    }

    String awaitQr() {
        String[] qr = new String[1];
        // The page may be between documents (a reload after linking or logout) or still defining window.WPP.
        await().pollInSameThread()
                .atMost(EVENTUALLY)
                .ignoreExceptionsInstanceOf(PlaywrightException.class)
                .untilAsserted(() -> {
                    Object code = browser.eval(
                            "window.WPP && WPP.isReady ? WPP.conn.getAuthCode().then(c => c && c.fullCode) : null");
                    assertThat(code).isNotNull();
                    qr[0] = (String) code;
                });
        return qr[0];
    }

    void awaitMain() {
        await().pollInSameThread().atMost(EVENTUALLY).untilAsserted(() -> {
            Object ready = browser.eval("!!(window.WPP && WPP.isReady && WPP.conn.isRegistered() "
                    + "&& WPP.conn.getStreamData().mode === 'MAIN')");
            assertThat(ready).isEqualTo(true);
        });
    }

    void awaitEvent(String name) {
        await().pollInSameThread().atMost(EVENTUALLY).untilAsserted(() -> {
            browser.eval("1");
            assertThat(browser.named(name)).isNotEmpty();
        });
    }

    void awaitEval(String script, Object expected) {
        await().pollInSameThread()
                .atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(browser.eval(script)).isEqualTo(expected));
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        browser.events.forEach(e -> names.add(e.name()));
        return names;
    }
}
