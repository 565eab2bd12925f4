package io.wamonitor.gateway.api;

import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.Payload;
import org.springframework.core.ResolvableType;
import org.springframework.core.ResolvableTypeProvider;

/**
 * A worker's event as every gateway instance sees it (a copy for each, unlike {@link WorkerEvent}, which one
 * instance stores): for what an instance keeps in memory, such as the request waiting for a send's result. Nothing
 * is stored from it; a listener that misses one loses nothing durable.
 */
public record WorkerBroadcast<P extends Payload>(Envelope<P> envelope) implements ResolvableTypeProvider {

    public P payload() {
        return envelope.payload();
    }

    @Override
    public ResolvableType getResolvableType() {
        return ResolvableType.forClassWithGenerics(
                WorkerBroadcast.class, envelope.payload().getClass());
    }
}
