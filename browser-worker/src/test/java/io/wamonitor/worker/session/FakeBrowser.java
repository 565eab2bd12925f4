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

    /**
     * Each page gets a real process standing in for its Chromium (its command line names the profile as Chromium's
     * does), so the watchdog has something to stop.
     */
    volatile boolean withProcess;

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
        page = new FakePage(setup, withProcess ? browserProcess(profile) : null);
        return page;
    }

    private static Process browserProcess(Path profile) {
        try {
            // A loop, so the shell never becomes its sleep (which would lose the command line).
            return new ProcessBuilder("sh", "-c", "while :; do sleep 1; done", "sh", "--user-data-dir=" + profile)
                    .start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final class FakePage implements BrowserPage {

        /** The next call into the page never returns while its browser lives (a page hung in the middle of it). */
        volatile boolean frozenMidCall;
        /** The owner thread is inside such a call. */
        volatile boolean inFrozenCall;

        final Process process;

        volatile boolean crashed;
        volatile boolean gone;
        volatile boolean hung;
        volatile boolean closed;
        final AtomicInteger replaced = new AtomicInteger();
        private final PageSetup setup;
        private final BlockingQueue<String> batches = new LinkedBlockingQueue<>();

        /** A document loads and the adapter attaches, as on a real page: the session hears it at the next pump. */
        FakePage(PageSetup setup, Process process) {
            this.setup = setup;
            this.process = process;
            loaded();
        }

        private void loaded() {
            batches.add("[{\"type\":\"page.loaded\",\"data\":{}},{\"type\":\"adapter.attached\",\"data\":{}}]");
        }

        @Override
        public Object evaluate(String function, Object argument) {
            if (frozenMidCall && process != null) {
                inFrozenCall = true;
                try {
                    process.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFrozenCall = false;
                }
                throw new IllegalStateException("Target page, context or browser has been closed");
            }
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
            return gone || (process != null && !process.isAlive());
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
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }
}
