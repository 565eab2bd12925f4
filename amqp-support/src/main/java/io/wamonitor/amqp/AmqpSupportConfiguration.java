package io.wamonitor.amqp;

import io.wamonitor.contracts.AmqpTopology;
import io.wamonitor.contracts.EnvelopeCodec;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What both applications need from AMQP, as beans: the topology of the namespace (declared on connect), the codec
 * and envelope messages. An application imports it and adds its listener retry policy.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AmqpSettings.class)
public class AmqpSupportConfiguration {

    @Bean
    public AmqpTopology amqpTopology(AmqpSettings settings) {
        return new AmqpTopology(settings.namespace());
    }

    @Bean
    public EnvelopeCodec envelopeCodec() {
        return new EnvelopeCodec();
    }

    /** Declared on every connection, so commands wait in their queue even before any worker ran. */
    @Bean
    public Declarables topologyDeclarables(AmqpTopology topology) {
        return Topology.declarables(topology);
    }

    @Bean
    public EnvelopeMessages envelopeMessages(
            RabbitTemplate rabbit, EnvelopeCodec codec, AmqpTopology topology, AmqpSettings settings) {
        return new EnvelopeMessages(rabbit, codec, topology, settings);
    }
}
