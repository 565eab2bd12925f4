package io.wamonitor.worker.browser;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param sessionsDir  {@code WHATSAPP_SESSIONS_DIR}: one Chromium profile per account below it (mode 0700)
 * @param chromiumPath {@code CHROMIUM_PATH}: the system Chromium (Playwright's own download is not used)
 * @param headless     {@code BROWSER_HEADLESS}: false shows the windows (needs a display)
 * @param loadTimeout  how long a page may take to load WhatsApp Web before the session counts as failed
 */
@ConfigurationProperties("wamonitor.browser")
public record BrowserSettings(Path sessionsDir, Path chromiumPath, boolean headless, Duration loadTimeout) {

    public BrowserSettings {
        sessionsDir = sessionsDir == null ? Path.of("whatsapp-sessions") : sessionsDir;
        chromiumPath = chromiumPath == null ? Path.of("/usr/bin/chromium") : chromiumPath;
        loadTimeout = loadTimeout == null ? Duration.ofSeconds(120) : loadTimeout;
    }
}
