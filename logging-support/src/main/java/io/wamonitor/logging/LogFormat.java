package io.wamonitor.logging;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LOG_FORMAT}: {@code text} (the default: one readable line per event) or {@code json} (one JSON object per
 * line, in the Elastic Common Schema, with the MDC's {@code account_id}, {@code worker_id} and {@code request_id}
 * as fields where they apply). Read before logging starts, so every line of a run has the same format; any other
 * value stops the application at once with a message that says so.
 */
public class LogFormat implements EnvironmentPostProcessor, Ordered {

    static final String VARIABLE = "LOG_FORMAT";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(VARIABLE, "text").strip().toLowerCase(Locale.ROOT);
        switch (format) {
            case "", "text" -> {
                // Spring Boot's plain console lines.
            }
            case "json" -> {
                Map<String, Object> json = new HashMap<>();
                json.put("logging.structured.format.console", "ecs");
                environment.getPropertySources().addFirst(new MapPropertySource("wamonitorLogFormat", json));
            }
            default ->
                throw new IllegalArgumentException(
                        "LOG_FORMAT must be text or json, not '" + environment.getProperty(VARIABLE) + "'");
        }
    }

    /** Before the logging system reads its settings. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
