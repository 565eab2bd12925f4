package io.wamonitor.worker.whatsapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The init scripts of an account's page, in the order docs/WA-JS.md section 2 gives: WPPConfig, then the
 * wa-js bundle (where it is injected), then the adapter. Loaded once; the bundle is ~0.5 MB.
 */
@Component
public class PageScripts {

    public static final String BINDING = "__wamEvents";
    private static final String PINNED_BUNDLE = "wa-js/wppconnect-wa.js";

    private final WhatsAppWebSettings settings;
    private final ObjectMapper json = new ObjectMapper();
    private final String adapter;
    private final String bundle;

    public PageScripts(WhatsAppWebSettings settings) {
        this.settings = settings;
        this.adapter = resource("whatsapp/wpp-adapter.js");
        this.bundle = settings.injectsBundle() ? loadBundle() : null;
    }

    /** Init scripts for an account whose device is named after {@code accountName}. */
    public List<String> forAccount(String accountName) {
        List<String> scripts = new ArrayList<>();
        scripts.add(config(accountName));
        if (bundle != null) {
            scripts.add(bundle);
        }
        scripts.add(adapter);
        return scripts;
    }

    public boolean injectsBundle() {
        return bundle != null;
    }

    private String config(String accountName) {
        Map<String, Object> config = new LinkedHashMap<>();
        // The name the phone shows under "Linked devices".
        config.put("deviceName", accountName == null || accountName.isBlank() ? "WA Monitor" : accountName);
        // wa-js would otherwise send usage beacons to Google Analytics.
        config.put("disableGoogleAnalytics", true);
        config.put("poweredBy", "wa-monitor");
        try {
            return "window.WPPConfig = " + json.writeValueAsString(config) + ";";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String loadBundle() {
        if (settings.waJsPath() != null) {
            try {
                return Files.readString(settings.waJsPath());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read WA_JS_PATH " + settings.waJsPath(), e);
            }
        }
        return resource(PINNED_BUNDLE);
    }

    private static String resource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing resource " + path + " (is the build complete?)", e);
        }
    }
}
