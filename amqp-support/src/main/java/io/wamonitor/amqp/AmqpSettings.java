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
 * @param quorumQueues   {@code RABBITMQ_QUORUM_QUEUES}: each worker's command queue is a quorum queue (replicated,
 *                       RabbitMQ 3.8 and later); false for a classic queue. Gateway and workers must agree
 */
@ConfigurationProperties("wamonitor.amqp")
public record AmqpSettings(String namespace, Duration confirmTimeout, Boolean quorumQueues) {

    public static final String DEFAULT_NAMESPACE = "wamonitor";

    public AmqpSettings {
        namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
        confirmTimeout = confirmTimeout == null ? Duration.ofSeconds(5) : confirmTimeout;
        quorumQueues = quorumQueues == null || quorumQueues;
    }
}
