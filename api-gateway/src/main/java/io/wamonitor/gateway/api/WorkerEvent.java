package io.wamonitor.gateway.api;

import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.Payload;
import java.time.Instant;
import java.util.UUID;
import org.springframework.core.ResolvableType;
import org.springframework.core.ResolvableTypeProvider;

/**
 * An event a worker published, as an application event: each feature listens for the payloads it owns
 * ({@code @EventListener void on(WorkerEvent<MessageCaptured> event)}), so the AMQP listener knows none of them.
 * Listeners run in the listener's thread: a failure is retried (a transient one until it succeeds), so a listener
 * must be idempotent.
 */
public record WorkerEvent<P extends Payload>(Envelope<P> envelope) implements ResolvableTypeProvider {

    public UUID id() {
        return envelope.id();
    }

    public UUID accountId() {
        return envelope.accountId();
    }

    public Instant occurredAt() {
        return envelope.occurredAt();
    }

    public P payload() {
        return envelope.payload();
    }

    @Override
    public ResolvableType getResolvableType() {
        return ResolvableType.forClassWithGenerics(
                WorkerEvent.class, envelope.payload().getClass());
    }
}
