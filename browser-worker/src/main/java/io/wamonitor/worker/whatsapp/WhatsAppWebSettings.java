package io.wamonitor.worker.whatsapp;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param url                {@code WA_WEB_URL}: the WhatsApp Web to open
 * @param inject             {@code WA_JS_INJECT}: {@code auto} injects the wa-js bundle only on
 *                           https://web.whatsapp.com (any other page, such as wa-simulator, must provide
 *                           window.WPP itself); {@code always} or {@code never} override that
 * @param waJsPath           {@code WA_JS_PATH}: a newer wa-js bundle to use instead of the pinned one
 * @param qrMaxBatches       how many times an idle QR is refreshed before the session waits for a restart
 * @param takeoverOnConflict {@code WA_TAKEOVER_ON_CONFLICT}: take the session back when WhatsApp Web is opened
 *                           elsewhere (off: the account shows DISCONNECTED until restarted)
 * @param mediaMaxBytes      {@code MEDIA_MAX_BYTES}: media up to this size are downloaded and reported; larger
 *                           ones are reported without their bytes
 */
@ConfigurationProperties("wamonitor.whatsapp")
public record WhatsAppWebSettings(
        String url,
        InjectMode inject,
        Path waJsPath,
        int qrMaxBatches,
        boolean takeoverOnConflict,
        long mediaMaxBytes) {

    public static final String WHATSAPP_WEB = "https://web.whatsapp.com/";

    public WhatsAppWebSettings {
        url = url == null || url.isBlank() ? WHATSAPP_WEB : url;
        inject = inject == null ? InjectMode.AUTO : inject;
        qrMaxBatches = qrMaxBatches <= 0 ? 10 : qrMaxBatches;
        mediaMaxBytes = mediaMaxBytes <= 0 ? 16L * 1024 * 1024 : mediaMaxBytes;
    }

    /** Whether the wa-js bundle is injected into the page at {@link #url()}. */
    boolean injectsBundle() {
        return switch (inject) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> "web.whatsapp.com".equalsIgnoreCase(URI.create(url).getHost());
        };
    }

    public enum InjectMode {
        AUTO,
        ALWAYS,
        NEVER
    }
}
