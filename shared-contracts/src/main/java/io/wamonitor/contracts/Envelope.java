package io.wamonitor.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels over RabbitMQ: a unique id (consumers de-duplicate on it), the logical type name, when it happened,
 * the account it concerns (null for worker-wide messages), the payload, and the account's assignment epoch.
 *
 * @param epoch the epoch of the account's assignment to a worker under which a command was sent, or under which
 *              the session that reports an event runs. Each move of an account to another worker raises it; a
 *              worker refuses commands with an older epoch than it has seen and the gateway ignores the status of
 *              a session with an older one, so two workers never act for one account. Null for worker-wide
 *              messages (and from peers that predate it); absent from the JSON when null.
 */
public record Envelope<P extends Payload>(
        UUID id,
        String type,
        Instant occurredAt,
        UUID accountId,
        P payload,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long epoch) {

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    /** An envelope with no epoch: worker-wide messages, and replies. */
    public Envelope(UUID id, String type, Instant occurredAt, UUID accountId, P payload) {
        this(id, type, occurredAt, accountId, payload, null);
    }

    /** A new envelope with a fresh id, typed from the catalog. */
    public static <P extends Payload> Envelope<P> of(UUID accountId, P payload, Instant now) {
        return of(accountId, null, payload, now);
    }

    /** A new envelope for the account's assignment {@code epoch}, with a fresh id, typed from the catalog. */
    public static <P extends Payload> Envelope<P> of(UUID accountId, Long epoch, P payload, Instant now) {
        return new Envelope<>(UUID.randomUUID(), MessageCatalog.typeOf(payload), now, accountId, payload, epoch);
    }

    public Envelope<P> withEpoch(Long newEpoch) {
        return new Envelope<>(id, type, occurredAt, accountId, payload, newEpoch);
    }
}
