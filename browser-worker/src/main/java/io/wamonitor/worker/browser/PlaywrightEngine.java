package io.wamonitor.worker.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.ScreenshotType;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Playwright with the system Chromium. Each opened page has its own Playwright instance (and driver process),
 * so each account's owner thread is independent of the others.
 */
@Component
class PlaywrightEngine implements BrowserEngine {

    private final BrowserSettings settings;

    PlaywrightEngine(BrowserSettings settings) {
        this.settings = settings;
    }

    @Override
    public BrowserPage open(Path profile, PageSetup setup) {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "NODE_OPTIONS", settings.driverNodeOptions())));
        try {
            BrowserContext context = playwright
                    .chromium()
                    .launchPersistentContext(
                            profile,
                            new BrowserType.LaunchPersistentContextOptions()
                                    .setExecutablePath(settings.chromiumPath())
                                    .setHeadless(settings.headless())
                                    .setArgs(ChromiumFlags.FLAGS)
                                    .setUserAgent(ChromiumFlags.USER_AGENT)
                                    .setViewportSize(1280, 800)
                                    // A service worker could serve WhatsApp's cached page around our scripts.
                                    .setServiceWorkers(ServiceWorkerPolicy.BLOCK)
                                    .setTimeout(settings.loadTimeout().toMillis()));
            PlaywrightPage page = new PlaywrightPage(playwright, context, setup, settings.loadTimeout());
            page.start();
            return page;
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    static final class PlaywrightPage implements BrowserPage {

        private final Playwright playwright;
        private final BrowserContext context;
        private final PageSetup setup;
        private final Duration loadTimeout;
        private Page page;
        private volatile boolean crashed;
        private volatile boolean gone;

        PlaywrightPage(Playwright playwright, BrowserContext context, PageSetup setup, Duration loadTimeout) {
            this.playwright = playwright;
            this.context = context;
            this.setup = setup;
            this.loadTimeout = loadTimeout;
        }

        void start() {
            context.onClose(c -> gone = true);
            // Bindings and init scripts belong to the context: they survive the page's own reloads and a
            // replacement page after a crash.
            context.exposeBinding(setup.bindingName(), (source, args) -> {
                setup.onBatch().accept(String.valueOf(args[0]));
                return null;
            });
            setup.initScripts().forEach(context::addInitScript);
            page = context.pages().isEmpty()
                    ? context.newPage()
                    : context.pages().get(0);
            context.pages().stream().filter(p -> p != page).forEach(Page::close);
            watch(page);
            navigate();
        }

        private void watch(Page p) {
            p.onCrash(x -> crashed = true);
            p.setDefaultTimeout(loadTimeout.toMillis());
        }

        private void navigate() {
            page.navigate(setup.url(), new Page.NavigateOptions().setTimeout(loadTimeout.toMillis()));
        }

        @Override
        public Object evaluate(String function, Object argument) {
            return page.evaluate(function, argument);
        }

        @Override
        public byte[] screenshot(String format, Integer quality) {
            Page.ScreenshotOptions options = new Page.ScreenshotOptions()
                    .setType("jpeg".equals(format) ? ScreenshotType.JPEG : ScreenshotType.PNG)
                    .setTimeout(15_000);
            if ("jpeg".equals(format) && quality != null) {
                options.setQuality(quality);
            }
            return page.screenshot(options);
        }

        @Override
        public boolean answers(Duration deadline) {
            try {
                // The timeout of waitForFunction is kept by the driver, not the page: it fires even when the
                // renderer's main thread never runs the function.
                page.waitForFunction(
                        "() => true",
                        null,
                        new Page.WaitForFunctionOptions()
                                .setPollingInterval(100)
                                .setTimeout(deadline.toMillis()));
                return true;
            } catch (TimeoutError e) {
                return false;
            } catch (PlaywrightException e) {
                // navigating (WhatsApp Web reloads itself) or closed: not a frozen page
                return true;
            }
        }

        @Override
        public void reload() {
            page.reload(new Page.ReloadOptions().setTimeout(loadTimeout.toMillis()));
        }

        @Override
        public void pump(Duration duration) {
            try {
                page.waitForTimeout(duration.toMillis());
            } catch (PlaywrightException e) {
                if (!crashed && !gone && !page.isClosed()) {
                    throw e;
                }
            }
        }

        @Override
        public boolean crashed() {
            return crashed || (page != null && page.isClosed() && !gone);
        }

        @Override
        public boolean browserGone() {
            return gone;
        }

        @Override
        public void replacePage() {
            Page old = page;
            page = context.newPage();
            crashed = false;
            watch(page);
            try {
                old.close();
            } catch (PlaywrightException ignored) {
                // a crashed page may refuse to close cleanly
            }
            navigate();
        }

        @Override
        public void close() {
            try {
                context.close();
            } catch (PlaywrightException ignored) {
                // the browser may already be gone
            } finally {
                playwright.close();
            }
        }
    }
}
