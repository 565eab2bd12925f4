package io.wamonitor.gateway.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wamonitor.contracts.event.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} for sends. The first request with a key claims it (an insert, atomic without
 * transactions); before its command goes to a worker the key is bound to the command's id; from then on it is
 * never released while the send may still happen: it settles with the send's outcome when the worker reports it
 * (sent or refused; also after the request gave up waiting, or after a gateway restart), and every retry gets
 * that outcome. Only a send that certainly did not happen (never handed to the broker, rate-limited, or reported
 * "not attempted" by the worker) frees its key. Keys are kept 24 h; expired ones are purged by a job (no TTL
 * index: the embedded MongoDB does not enforce them).
 */
@Component
class IdempotencyKeys {

    static final Duration KEEP = Duration.ofHours(24);
    /**
     * A key claimed but never bound to a command this long ago belongs to a request that died before it handed
     * anything to a worker (a gateway killed mid-request): it is free again. Longer than any claim-to-bind span
     * (fetching a media URL takes at most 25 s).
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private static final String COLLECTION = "idempotency_keys";

    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotencyKeys(MongoTemplate mongo, ObjectMapper json, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("command_id", Sort.Direction.ASC));
    }

    sealed interface Claim {
        /** @param token proves this request holds the claim when it binds the key */
        record Claimed(String token) implements Claim {}

        record Replay(SendOutcome outcome) implements Claim {}

        record InProgress() implements Claim {}

        record Mismatch() implements Claim {}
    }

    /** What a settled key keeps: the outcome, in a form that survives the JSON round trip. */
    record Stored(SendAnswer sent, SendOutcome.Refused refused) {
        SendOutcome outcome() {
            return sent != null ? new SendOutcome.Sent(sent) : refused;
        }
    }

    Claim claim(String accountId, String key, String requestHash) {
        String id = accountId + ":" + key;
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        try {
            mongo.insert(
                    new Document("_id", id)
                            .append("account_id", accountId)
                            .append("request_hash", requestHash)
                            .append("claim", token)
                            .append("created_at", Date.from(now)),
                    COLLECTION);
            return new Claim.Claimed(token);
        } catch (DuplicateKeyException taken) {
            Document existing = mongo.findById(id, Document.class, COLLECTION);
            if (existing == null) {
                return claim(accountId, key, requestHash);
            }
            Instant created = existing.getDate("created_at").toInstant();
            boolean expired = created.plus(KEEP).isBefore(now);
            boolean abandoned = existing.get("command_id") == null
                    && created.plus(ABANDONED_AFTER).isBefore(now);
            if (expired || abandoned) {
                // Removed only as it was read, so two retries cannot both take it over.
                mongo.remove(Query.query(where("_id").is(id).and("claim").is(existing.get("claim"))), COLLECTION);
                return claim(accountId, key, requestHash);
            }
            if (!requestHash.equals(existing.getString("request_hash"))) {
                return new Claim.Mismatch();
            }
            String outcome = existing.getString("outcome");
            return outcome == null
                    ? new Claim.InProgress()
                    : new Claim.Replay(read(outcome).outcome());
        }
    }

    /**
     * The key now stands for this command: from here on the send may happen, so the key is never released. False
     * if this request no longer holds the claim (it took so long the claim was taken over): it must not send.
     */
    boolean bind(String accountId, String key, String token, UUID commandId, String to) {
        return mongo.updateFirst(
                                Query.query(where("_id")
                                        .is(accountId + ":" + key)
                                        .and("claim")
                                        .is(token)
                                        .and("command_id")
                                        .is(null)),
                                new Update()
                                        .set("command_id", commandId.toString())
                                        .set("to", to),
                                COLLECTION)
                        .getModifiedCount()
                > 0;
    }

    /**
     * The command's send ended: its key (if it has one) keeps the outcome, or is freed when the send was never
     * attempted. Idempotent.
     */
    void settle(String accountId, UUID commandId, SendResult result) {
        Query query = Query.query(
                where("command_id").is(commandId.toString()).and("account_id").is(accountId));
        if (result.notAttempted()) {
            mongo.remove(query, COLLECTION);
            return;
        }
        Document bound = mongo.findOne(query, Document.class, COLLECTION);
        if (bound == null) {
            return; // no key was given, or it expired
        }
        SendOutcome outcome = SendOutcome.of(result, bound.getString("to"));
        Stored stored = outcome instanceof SendOutcome.Sent sent
                ? new Stored(sent.answer(), null)
                : new Stored(null, (SendOutcome.Refused) outcome);
        mongo.updateFirst(
                query,
                new Update().set("outcome", write(stored)).set("settled_at", Date.from(clock.instant())),
                COLLECTION);
    }

    /** The send certainly did not happen (it never reached a worker): the client may try the key again. */
    void release(String accountId, String key, String token) {
        mongo.remove(
                Query.query(where("_id").is(accountId + ":" + key).and("claim").is(token)), COLLECTION);
    }

    @Scheduled(initialDelay = 120_000, fixedDelay = 3_600_000)
    void purge() {
        mongo.remove(
                Query.query(where("created_at").lt(Date.from(clock.instant().minus(KEEP)))), COLLECTION);
    }

    private String write(Stored stored) {
        try {
            return json.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Stored read(String stored) {
        try {
            return json.readValue(stored, Stored.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable idempotency record", e);
        }
    }
}
