package io.wamonitor.gateway.web;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param corsOrigins {@code CORS_ORIGINS}: comma-separated origins (or patterns) allowed to call /api/**; {@code *} for any */
@ConfigurationProperties("wamonitor.web")
public record WebSettings(String corsOrigins) {

    List<String> corsOriginList() {
        String raw = corsOrigins == null || corsOrigins.isBlank() ? "*" : corsOrigins;
        return Arrays.stream(raw.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
