package io.wamonitor.gateway.worker;

import io.wamonitor.amqp.AmqpSupportConfiguration;
import io.wamonitor.amqp.ListenerRetry;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.boot.autoconfigure.amqp.RabbitProperties;
import org.springframework.boot.autoconfigure.amqp.RabbitRetryTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The shared AMQP plumbing, with the gateway's listener retry: MongoDB away (down, slow, pool cleared) is waited
 * for as long as it takes, so an event is never dead-lettered, nor acknowledged, before it was stored.
 */
@Configuration(proxyBeanMethods = false)
@Import(AmqpSupportConfiguration.class)
class AmqpConfiguration {

    @Bean
    RabbitRetryTemplateCustomizer eventsWaitForTheDatabase(RabbitProperties properties) {
        return ListenerRetry.customizer(
                properties.getListener().getSimple().getRetry().getMaxAttempts(), TransientFailures::isTransient);
    }

    @Bean
    MessageRecoverer deadLetterOnlyWhatCannotSucceed() {
        return ListenerRetry.recoverer(TransientFailures::isTransient);
    }
}
