package io.wamonitor.worker.messaging;

import io.wamonitor.amqp.AmqpSupportConfiguration;
import io.wamonitor.amqp.ListenerRetry;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.boot.autoconfigure.amqp.RabbitProperties;
import org.springframework.boot.autoconfigure.amqp.RabbitRetryTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The shared AMQP plumbing, with the worker's listener retry: a command has no dependency to wait for (a session
 * that is not there answers as such), so one that fails is tried {@code max-attempts} times, then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
@Import(AmqpSupportConfiguration.class)
class AmqpConfiguration {

    @Bean
    RabbitRetryTemplateCustomizer commandRetry(RabbitProperties properties) {
        return ListenerRetry.customizer(
                properties.getListener().getSimple().getRetry().getMaxAttempts(), error -> false);
    }

    @Bean
    MessageRecoverer deadLetterWhatCannotSucceed() {
        return ListenerRetry.recoverer(error -> false);
    }
}
