package io.wamonitor.simulator;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A real Chromium with a persistent profile directory, showing the simulator's WhatsApp Web, with every WPP
 * event recorded (across the page's own reloads) the way a gateway would subscribe: an init script that
 * waits for window.WPP, then onAny into a binding. Playwright objects stay on the test thread.
 */
final class SimBrowser implements AutoCloseable {

    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");

    private static final String RECORDER = """
            (() => {
              const attach = (wpp) => {
                if (!wpp || wpp.__recorded) return;
                wpp.__recorded = true;
                wpp.onAny((name, ...args) => {
                  const summary = args.map(a => {
                    if (a === null || a === undefined) return a === null ? null : 'undefined';
                    if (typeof a !== 'object') return a;
                    if (a.id && a.id._serialized) return {id: a.id._serialized, type: a.type, fromMe: a.id.fromMe,
                        ack: a.ack, body: a.body, caption: a.caption, from: String(a.from), author: a.author ? String(a.author) : null};
                    if (a.fullCode) return {fullCode: a.fullCode};
                    if (a.ids) return {ack: a.ack, ids: a.ids.map(i => i._serialized)};
                    return JSON.parse(JSON.stringify(a));
                  });
                  window.recordEvent(name, JSON.stringify(summary));
                });
              };
              if (window.WPP) { attach(window.WPP); return; }
              let value;
              Object.defineProperty(window, 'WPP', {configurable: true, enumerable: true,
                get() { return value; }, set(v) { value = v; attach(v); }});
            })();
            """;

    final List<Event> events = new CopyOnWriteArrayList<>();
    private final Playwright playwright;
    private final Path profile;
    private BrowserContext context;
    private Page page;

    SimBrowser(Path profile) {
        this.playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.profile = profile;
    }

    static Path newProfile() {
        try {
            return Files.createTempDirectory("wa-sim-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Page open(String url) {
        context = playwright
                .chromium()
                .launchPersistentContext(
                        profile,
                        new BrowserType.LaunchPersistentContextOptions()
                                .setExecutablePath(Path.of(CHROMIUM))
                                .setHeadless(true)
                                .setViewportSize(1280, 800)
                                .setArgs(List.of(
                                        "--no-sandbox",
                                        "--disable-gpu",
                                        "--disable-dev-shm-usage",
                                        "--disable-background-networking",
                                        "--no-first-run",
                                        "--disable-component-update",
                                        "--disable-sync")));
        context.exposeBinding("recordEvent", (source, args) -> {
            events.add(new Event((String) args[0], (String) args[1]));
            return null;
        });
        context.addInitScript(RECORDER);
        page = context.pages().isEmpty() ? context.newPage() : context.pages().get(0);
        page.navigate(url);
        return page;
    }

    Page page() {
        return page;
    }

    /** Evaluates in the page; also lets queued binding calls reach Java. Retries across the page's own reloads. */
    Object eval(String script) {
        for (int attempt = 0; ; attempt++) {
            try {
                return page.evaluate(script);
            } catch (RuntimeException e) {
                String message = String.valueOf(e.getMessage());
                boolean navigating = message.contains("Execution context was destroyed")
                        || message.contains("navigation")
                        || message.contains("Cannot find context");
                if (!navigating || attempt > 20) {
                    throw e;
                }
                page.waitForTimeout(100);
            }
        }
    }

    List<Event> named(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    void closeBrowser() {
        if (context != null) {
            try {
                context.close();
            } catch (PlaywrightException answeringAClosedPage) {
                // A recordEvent call the page made while closing is answered after the page is gone; the context
                // is closed all the same.
            }
            context = null;
        }
    }

    @Override
    public void close() {
        closeBrowser();
        playwright.close();
    }

    void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    record Event(String name, String args) {}
}
