package io.wamonitor.worker.browser;

import java.util.List;

/** Chromium command-line flags for many long-lived, headless WhatsApp Web pages on one host. */
final class ChromiumFlags {

    /** A current desktop Chrome: WhatsApp Web refuses "HeadlessChrome" user agents. */
    static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/136.0.0.0 Safari/537.36";

    static final List<String> FLAGS = List.of(
            // In a container without the capabilities and seccomp profile Chromium's sandbox needs (our image drops
            // them all), the sandbox cannot start; the container and an unprivileged user contain the renderers.
            "--no-sandbox",
            // Containers give /dev/shm 64 MB; shared memory in /tmp avoids renderer crashes under load.
            "--disable-dev-shm-usage",
            // No GPU on servers: skip the GPU process and its memory.
            "--disable-gpu",
            // One renderer for the page instead of one per site (WhatsApp Web is a single origin).
            "--disable-features=site-per-process,Translate,MediaRouter,OptimizationHints,AutofillServerCommunication",
            // The network service inside the browser process instead of a process of its own: about 20 MB less
            // per account (bench/). If it crashes it takes the browser with it, which the worker relaunches.
            "--enable-features=NetworkServiceInProcess2",
            "--renderer-process-limit=1",
            // Nothing the profile does in the background: no updates, sync, default apps, first-run UI.
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            "--mute-audio",
            // The page is never visible, yet WhatsApp's timers and socket must keep running at full speed.
            "--disable-background-timer-throttling",
            "--disable-renderer-backgrounding",
            "--disable-backgrounding-occluded-windows",
            // navigator.webdriver stays false, as in a person's browser.
            "--disable-blink-features=AutomationControlled");

    private ChromiumFlags() {}
}
