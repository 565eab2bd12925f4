package io.wamonitor.worker.browser;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sessionsDir  {@code WHATSAPP_SESSIONS_DIR}: one Chromium profile per account below it (mode 0700)
 * @param chromiumPath {@code CHROMIUM_PATH}: the system Chromium (Playwright's own download is not used)
 * @param headless     {@code BROWSER_HEADLESS}: false shows the windows (needs a display)
 * @param loadTimeout  how long a page may take to load WhatsApp Web before the session counts as failed
 * @param driverNodeOptions {@code PLAYWRIGHT_NODE_OPTIONS}: NODE_OPTIONS of each session's Playwright driver
 *                     process. The default (a 1 MB young generation, no JIT) takes about 34 MB off every
 *                     account's driver (121 MB to 87 MB PSS, measured with bench/); the driver only relays
 *                     messages, so it does not need an optimising compiler.
 */
@ConfigurationProperties("wamonitor.browser")
public record BrowserSettings(
        Path sessionsDir, Path chromiumPath, boolean headless, Duration loadTimeout, String driverNodeOptions) {

    public static final String DEFAULT_DRIVER_NODE_OPTIONS = "--max-semi-space-size=1 --jitless";

    public BrowserSettings {
        sessionsDir = sessionsDir == null ? Path.of("whatsapp-sessions") : sessionsDir;
        chromiumPath = chromiumPath == null ? Path.of("/usr/bin/chromium") : chromiumPath;
        loadTimeout = loadTimeout == null ? Duration.ofSeconds(120) : loadTimeout;
        driverNodeOptions = driverNodeOptions == null ? DEFAULT_DRIVER_NODE_OPTIONS : driverNodeOptions;
    }
}
