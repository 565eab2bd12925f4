package io.wamonitor.gateway.worker;

import io.wamonitor.contracts.AmqpTopology;
import io.wamonitor.contracts.EnvelopeCodec;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.boot.autoconfigure.amqp.RabbitProperties;
import org.springframework.boot.autoconfigure.amqp.RabbitRetryTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.rabbit.support.ListenerExecutionFailedException;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.RetryPolicy;
import org.springframework.retry.context.RetryContextSupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
class AmqpConfiguration {

    @Bean
    AmqpTopology amqpTopology(WorkerLinkSettings settings) {
        return new AmqpTopology(settings.namespace());
    }

    @Bean
    EnvelopeCodec envelopeCodec() {
        return new EnvelopeCodec();
    }

    /** Declares the whole topology (idempotently), so commands wait in their queue even before any worker ran. */
    @Bean
    Declarables topologyDeclarables(AmqpTopology topology) {
        List<Declarable> declarables = new ArrayList<>();
        topology.exchanges().forEach(e -> declarables.add(e.kind() == AmqpTopology.ExchangeSpec.Kind.TOPIC
                ? new TopicExchange(e.name(), true, false) : new DirectExchange(e.name(), true, false)));
        topology.queues().forEach(q -> declarables.add(new Queue(q.name(), true, false, false, q.arguments())));
        topology.bindings().forEach(b -> declarables.add(
                new Binding(b.queue(), Binding.DestinationType.QUEUE, b.exchange(), b.routingKey(), Map.of())));
        return new Declarables(declarables);
    }

    /**
     * How the event listener retries (with the backoff of {@code spring.rabbitmq.listener.simple.retry}): a
     * dependency that is away (MongoDB down, slow, pool exhausted) is waited for as long as it takes, so an event
     * is never dead-lettered, nor acknowledged, before it was stored; a message that cannot be decoded is not
     * retried at all; any other failure (a bug met by one message) is tried {@code max-attempts} times.
     */
    @Bean
    RabbitRetryTemplateCustomizer transientFailuresAreWaitedFor(RabbitProperties properties) {
        int attempts = properties.getListener().getSimple().getRetry().getMaxAttempts();
        return (target, template) -> {
            if (target == RabbitRetryTemplateCustomizer.Target.LISTENER) {
                template.setRetryPolicy(new ListenerRetryPolicy(attempts));
                template.registerListener(new OutageLog());
            }
        };
    }

    /**
     * When retrying ends: a transient failure goes back to its queue (this happens only when the gateway stops
     * mid-retry); everything else goes to the dead-letter queue.
     */
    @Bean
    MessageRecoverer deadLetterOnlyWhatCannotSucceed() {
        return (message, cause) -> {
            if (TransientFailures.isTransient(cause)) {
                throw new ImmediateRequeueAmqpException("stopping while a dependency is away; requeued", cause);
            }
            throw new ListenerExecutionFailedException("dead-lettered after its retries",
                    new AmqpRejectAndDontRequeueException(cause), message);
        };
    }

    /** Says once that events wait for a dependency, and once that they flow again. */
    static final class OutageLog implements RetryListener {

        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OutageLog.class);

        @Override
        public <T, E extends Throwable> void onError(RetryContext context, RetryCallback<T, E> callback,
                                                     Throwable error) {
            if (context.getRetryCount() == 1 && TransientFailures.isTransient(error)) {
                log.warn("Worker events wait: a dependency does not answer ({}); retrying until it does",
                        rootMessage(error));
            }
        }

        @Override
        public <T, E extends Throwable> void close(RetryContext context, RetryCallback<T, E> callback,
                                                   Throwable error) {
            if (error == null && context.getRetryCount() > 0) {
                log.info("Worker events flow again after {} attempts", context.getRetryCount() + 1);
            }
        }

        private static String rootMessage(Throwable error) {
            Throwable root = error;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }

    /** See {@link #transientFailuresAreWaitedFor}. */
    static final class ListenerRetryPolicy implements RetryPolicy {

        private final int attempts;

        ListenerRetryPolicy(int attempts) {
            this.attempts = attempts;
        }

        @Override
        public boolean canRetry(RetryContext context) {
            Throwable last = context.getLastThrowable();
            if (last == null) {
                return true;
            }
            if (TransientFailures.isPoison(last)) {
                return false;
            }
            if (TransientFailures.isTransient(last)) {
                return !Thread.currentThread().isInterrupted();
            }
            return context.getRetryCount() < attempts;
        }

        @Override
        public RetryContext open(RetryContext parent) {
            return new RetryContextSupport(parent);
        }

        @Override
        public void close(RetryContext context) {
        }

        @Override
        public void registerThrowable(RetryContext context, Throwable throwable) {
            ((RetryContextSupport) context).registerThrowable(throwable);
        }
    }
}
