package io.wamonitor.gateway.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.wamonitor.amqp.AmqpSettings;
import io.wamonitor.amqp.EnvelopeMessages;
import io.wamonitor.contracts.AmqpTopology;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.testkit.RabbitBroker;
import io.wamonitor.testkit.RabbitBrokerExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishing with the broker's confirms, as both applications do it (correlated confirms, returns on, as configured
 * in their application.yml), against the real RabbitMQ: a batch arrives whole and in order, a message the broker
 * refuses fails the publish (the caller keeps it and tries again), and publishing does not cost a channel each time.
 */
@ExtendWith(RabbitBrokerExtension.class)
class ConfirmedPublishingIT {

    private final String namespace = RabbitBroker.get().newNamespace();
    private final String queue = namespace + ".confirm-test";
    private final String full = namespace + ".confirm-test-full";
    private CachingConnectionFactory factory;
    private EnvelopeMessages messages;

    @BeforeEach
    void connect() throws Exception {
        try (Connection connection = RabbitBroker.get().connect();
                Channel channel = connection.createChannel()) {
            channel.queueDeclare(queue, true, false, false, null);
            // Holds one message and refuses (nacks) the next, as a queue at its limit does.
            channel.queueDeclare(full, true, false, false, Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
        }
        factory = new CachingConnectionFactory(URI.create(RabbitBroker.get().url()));
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        factory.setPublisherReturns(true);
        RabbitTemplate rabbit = new RabbitTemplate(factory);
        rabbit.setMandatory(true);
        messages = new EnvelopeMessages(
                rabbit,
                new EnvelopeCodec(),
                new AmqpTopology(namespace),
                new AmqpSettings(namespace, Duration.ofSeconds(5), false));
    }

    @AfterEach
    void disconnect() throws Exception {
        factory.destroy();
        try (Connection connection = RabbitBroker.get().connect();
                Channel channel = connection.createChannel()) {
            channel.queueDelete(queue);
            channel.queueDelete(full);
        }
    }

    @Test
    void aConfirmedBatchIsInTheQueueWholeAndInOrder() {
        List<String> sent = new ArrayList<>();
        List<EnvelopeMessages.Routed> batch = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String body = "{\"n\":" + i + "}";
            sent.add(body);
            batch.add(routed(queue, body));
        }

        messages.publishConfirmed("", batch);

        assertThat(RabbitBroker.get().messageCount(queue)).isEqualTo(20);
        List<String> received = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            received.add(new String(RabbitBroker.get().take(queue).orElseThrow().getBody(), StandardCharsets.UTF_8));
        }
        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void aMessageTheBrokerRefusesFailsThePublish() {
        messages.publishConfirmed("", List.of(routed(full, "{\"first\":true}")));

        assertThatThrownBy(() -> messages.publishConfirmed("", List.of(routed(full, "{\"second\":true}"))))
                .isInstanceOf(AmqpException.class)
                .hasMessageContaining("did not take");
        assertThat(RabbitBroker.get().messageCount(full)).isEqualTo(1);
    }

    @Test
    void publishingAgainAndAgainReusesItsChannel() {
        AtomicInteger opened = new AtomicInteger();
        factory.addChannelListener((channel, transactional) -> opened.incrementAndGet());
        for (int i = 0; i < 30; i++) {
            messages.publishConfirmed("", List.of(routed(queue, "{\"i\":" + i + "}")));
        }

        assertThat(RabbitBroker.get().messageCount(queue)).isEqualTo(30);
        // One channel, back in the cache after each confirmed publish (with simple confirms each publish closed
        // its channel and opened a new one).
        assertThat(opened).hasValue(1);
    }

    private static EnvelopeMessages.Routed routed(String queue, String body) {
        return new EnvelopeMessages.Routed(
                queue,
                EnvelopeMessages.persistent(
                        UUID.randomUUID(), "test.v1", Instant.now(), body.getBytes(StandardCharsets.UTF_8)));
    }
}
