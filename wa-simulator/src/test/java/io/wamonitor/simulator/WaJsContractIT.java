package io.wamonitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The simulator may only offer what the real @wppconnect/wa-js (pinned, fetched at build time) offers: every
 * WPP function it provides, and every event it emits, must exist under the same name in the real package.
 */
@Tag("browser")
class WaJsContractIT extends AbstractBrowserIT {

    private static final List<String> NAMESPACES = List.of("loader", "conn", "chat", "contact", "profile", "util");
    private static final String SHAPE = """
            (namespaces) => {
              const shape = {top: Object.keys(WPP).filter(k => typeof WPP[k] === 'function')};
              for (const ns of namespaces) {
                shape[ns] = Object.keys(WPP[ns]).filter(k => typeof WPP[ns][k] === 'function');
              }
              shape.whatsapp = Object.keys(WPP.whatsapp);
              return shape;
            }
            """;

    private final Path wajs = Path.of(System.getProperty("wajs.package", "target/wa-js/package"));

    @Test
    void everyFunctionTheSimulatorProvidesExistsInTheRealBundle() throws IOException {
        Map<String, List<String>> real = shapeOf(realBundlePage());
        browser.closeBrowser();
        browser.open(sim.base() + "/");
        awaitEval("!!window.WPP", true);
        Map<String, List<String>> simulated = shapeOf(browser.page());

        assertThat(real.get("conn")).as("the real bundle was loaded").contains("isRegistered", "getAuthCode");
        for (String ns : simulated.keySet()) {
            assertThat(real.get(ns)).as("WPP.%s in the real bundle", ns).containsAll(simulated.get(ns));
        }
        assertThat(simulated.get("chat"))
                .contains(
                        "sendTextMessage",
                        "sendFileMessage",
                        "downloadMedia",
                        "markIsRead",
                        "list",
                        "get",
                        "getMessageById");
        assertThat(simulated.get("top")).contains("on", "off", "once", "onAny", "waitFor");
    }

    @Test
    void everyEventTheSimulatorEmitsIsARealWaJsEvent() throws IOException {
        Set<String> realEvents = realEventNames();
        StringBuilder source = new StringBuilder();
        try (Stream<Path> modules = Files.list(Path.of("src/main/resources/static/wa/wpp"))) {
            for (Path module : modules.filter(f -> f.toString().endsWith(".js")).toList()) {
                source.append(Files.readString(module));
            }
        }
        Set<String> emitted = new TreeSet<>();
        Matcher m = Pattern.compile("emit\\('([a-z_]+\\.[a-z_]+)'").matcher(source);
        while (m.find()) {
            emitted.add(m.group(1));
        }

        assertThat(realEvents).contains("chat.new_message", "conn.auth_code_change");
        assertThat(emitted).hasSizeGreaterThan(20);
        assertThat(realEvents).containsAll(emitted);
    }

    private Page realBundlePage() throws IOException {
        browser.open("about:blank");
        Page page = browser.page();
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(wajs.resolve("dist/wppconnect-wa.js")));
        assertThat(page.evaluate("WPP.version")).isEqualTo("4.6.0");
        return page;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> shapeOf(Page page) {
        return (Map<String, List<String>>) page.evaluate(SHAPE, NAMESPACES);
    }

    private Set<String> realEventNames() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern key = Pattern.compile("'([a-z_]+\\.[a-z_]+)'\\??:");
        try (Stream<Path> files = Files.walk(wajs.resolve("dist"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("eventTypes.d.ts"))
                    .toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
