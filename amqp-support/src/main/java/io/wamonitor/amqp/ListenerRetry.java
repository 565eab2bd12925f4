package io.wamonitor.amqp;

import io.wamonitor.contracts.UndecodableMessageException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.amqp.rabbit.support.ListenerExecutionFailedException;
import org.springframework.boot.autoconfigure.amqp.RabbitRetryTemplateCustomizer;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.RetryPolicy;
import org.springframework.retry.context.RetryContextSupport;

/**
 * How a listener retries (with the backoff of {@code spring.rabbitmq.listener.simple.retry}): transient is
 * retried, poison is parked. A dependency that is away ({@code isTransient}) is waited for as long as it takes,
 * so a message is never dead-lettered, nor acknowledged, before it was handled; a message that cannot be decoded
 * is not retried at all; any other failure (a bug met by one message) is tried {@code max-attempts} times, then
 * dead-lettered.
 */
public final class ListenerRetry {

    private static final Logger log = LoggerFactory.getLogger(ListenerRetry.class);

    private ListenerRetry() {}

    public static RabbitRetryTemplateCustomizer customizer(int attempts, Predicate<Throwable> isTransient) {
        return (target, template) -> {
            if (target == RabbitRetryTemplateCustomizer.Target.LISTENER) {
                template.setRetryPolicy(new Policy(attempts, isTransient));
                template.registerListener(new OutageLog(isTransient));
            }
        };
    }

    /**
     * When retrying ends: a transient failure goes back to its queue (this happens only when the application
     * stops mid-retry); everything else goes to the dead-letter queue.
     */
    public static MessageRecoverer recoverer(Predicate<Throwable> isTransient) {
        return (message, cause) -> {
            if (isTransient.test(cause)) {
                throw new ImmediateRequeueAmqpException("stopping while a dependency is away; requeued", cause);
            }
            throw new ListenerExecutionFailedException(
                    "dead-lettered after its retries", new AmqpRejectAndDontRequeueException(cause), message);
        };
    }

    /** A message that retrying cannot help: it is malformed, or was refused as such. */
    public static boolean isPoison(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UndecodableMessageException || t instanceof AmqpRejectAndDontRequeueException) {
                return true;
            }
        }
        return false;
    }

    static final class Policy implements RetryPolicy {

        private final int attempts;
        private final Predicate<Throwable> isTransient;

        Policy(int attempts, Predicate<Throwable> isTransient) {
            this.attempts = attempts;
            this.isTransient = isTransient;
        }

        @Override
        public boolean canRetry(RetryContext context) {
            Throwable last = context.getLastThrowable();
            if (last == null) {
                return true;
            }
            if (isPoison(last)) {
                return false;
            }
            if (isTransient.test(last)) {
                return !Thread.currentThread().isInterrupted();
            }
            return context.getRetryCount() < attempts;
        }

        @Override
        public RetryContext open(RetryContext parent) {
            return new RetryContextSupport(parent);
        }

        @Override
        public void close(RetryContext context) {}

        @Override
        public void registerThrowable(RetryContext context, Throwable throwable) {
            ((RetryContextSupport) context).registerThrowable(throwable);
        }
    }

    /** Says once that messages wait for a dependency, and once that they flow again. */
    static final class OutageLog implements RetryListener {

        private final Predicate<Throwable> isTransient;

        OutageLog(Predicate<Throwable> isTransient) {
            this.isTransient = isTransient;
        }

        @Override
        public <T, E extends Throwable> void onError(
                RetryContext context, RetryCallback<T, E> callback, Throwable error) {
            if (context.getRetryCount() == 1 && isTransient.test(error)) {
                log.warn(
                        "Messages wait: a dependency does not answer ({}); retrying until it does", rootMessage(error));
            }
        }

        @Override
        public <T, E extends Throwable> void close(
                RetryContext context, RetryCallback<T, E> callback, Throwable error) {
            if (error == null && context.getRetryCount() > 0) {
                log.info("Messages flow again after {} attempts", context.getRetryCount() + 1);
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
}
