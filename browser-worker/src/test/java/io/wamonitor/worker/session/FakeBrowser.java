package io.wamonitor.worker.session;

import io.wamonitor.worker.browser.BrowserEngine;
import io.wamonitor.worker.browser.BrowserPage;
import io.wamonitor.worker.browser.PageSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A browser for unit tests of the session: it opens (or fails to, as told), answers the status probe as a linked
 * WhatsApp Web on its main screen would, and can crash its renderer, lose its browser or stop answering.
 */
final class FakeBrowser implements BrowserEngine {

    final AtomicInteger opens = new AtomicInteger();
    final AtomicInteger failuresToGo = new AtomicInteger();
    final List<Path> profiles = new CopyOnWriteArrayList<>();
    volatile FakePage page;

    @Override
    public BrowserPage open(Path profile, PageSetup setup) {
        opens.incrementAndGet();
        profiles.add(profile);
        if (failuresToGo.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("Failed to launch chromium because executable doesn't exist");
        }
        page = new FakePage(setup);
        return page;
    }

    static final class FakePage implements BrowserPage {

        volatile boolean crashed;
        volatile boolean gone;
        volatile boolean hung;
        volatile boolean closed;
        final AtomicInteger replaced = new AtomicInteger();
        private final PageSetup setup;
        private final BlockingQueue<String> batches = new LinkedBlockingQueue<>();

        /** A document loads and the adapter attaches, as on a real page: the session hears it at the next pump. */
        FakePage(PageSetup setup) {
            this.setup = setup;
            loaded();
        }

        private void loaded() {
            batches.add("[{\"type\":\"page.loaded\",\"data\":{}},{\"type\":\"adapter.attached\",\"data\":{}}]");
        }

        @Override
        public Object evaluate(String function, Object argument) {
            if (hung) {
                throw new IllegalStateException("Timeout 30000ms exceeded");
            }
            if (function.contains("getStreamData")) {
                return Map.of(
                        "ready",
                        true,
                        "registered",
                        true,
                        "mode",
                        "MAIN",
                        "online",
                        true,
                        "idle",
                        false,
                        "me",
                        "15550001111@c.us");
            }
            return Map.of("ok", true, "value", List.of());
        }

        @Override
        public byte[] screenshot(String format, Integer quality) {
            return new byte[] {1, 2, 3};
        }

        /** Hands the page's event batches to the session, waiting as the real page does while none comes. */
        @Override
        public void pump(Duration duration) {
            try {
                String batch = batches.poll(duration.toMillis(), TimeUnit.MILLISECONDS);
                if (batch != null) {
                    setup.onBatch().accept(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public boolean crashed() {
            return crashed;
        }

        @Override
        public boolean browserGone() {
            return gone;
        }

        @Override
        public void replacePage() {
            replaced.incrementAndGet();
            crashed = false;
            loaded();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
