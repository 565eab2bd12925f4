package io.wamonitor.amqp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The same in both applications.
 *
 * @param namespace      {@code RABBITMQ_NAMESPACE}: prefix of every exchange and queue name (gateway and workers must
 *                       agree)
 * @param confirmTimeout {@code RABBITMQ_CONFIRM_TIMEOUT}: how long a publish waits for the broker's confirm before it
 *                       counts as failed
 */
@ConfigurationProperties("wamonitor.amqp")
public record AmqpSettings(String namespace, Duration confirmTimeout) {

    public static final String DEFAULT_NAMESPACE = "wamonitor";

    public AmqpSettings {
        namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
        confirmTimeout = confirmTimeout == null ? Duration.ofSeconds(5) : confirmTimeout;
    }
}
