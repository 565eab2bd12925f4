package io.wamonitor.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels over RabbitMQ: a unique id (consumers de-duplicate on it), the logical type name,
 * when it happened, the account it concerns (null for worker-wide messages) and the payload.
 */
public record Envelope<P extends Payload>(UUID id, String type, Instant occurredAt, UUID accountId, P payload) {

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new envelope with a fresh id, typed from the catalog. */
    public static <P extends Payload> Envelope<P> of(UUID accountId, P payload, Instant now) {
        return new Envelope<>(UUID.randomUUID(), MessageCatalog.typeOf(payload), now, accountId, payload);
    }
}
