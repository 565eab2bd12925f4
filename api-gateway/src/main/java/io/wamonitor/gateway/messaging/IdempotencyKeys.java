package io.wamonitor.gateway.messaging;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code Idempotency-Key} for sends: the first request with a key claims it (an insert, atomic without
 * transactions), and for 24 h a repeat with the same key gets the first answer and sends nothing. Expired keys
 * are purged by a job (no TTL index: the embedded MongoDB does not enforce them).
 */
@Component
class IdempotencyKeys {

    static final Duration KEEP = Duration.ofHours(24);
    private static final String COLLECTION = "idempotency_keys";

    private final MongoTemplate mongo;
    private final Clock clock;

    IdempotencyKeys(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    sealed interface Claim {
        record Claimed() implements Claim {
        }

        record Replay(String responseJson) implements Claim {
        }

        record InProgress() implements Claim {
        }

        record Mismatch() implements Claim {
        }
    }

    Claim claim(String accountId, String key, String requestHash) {
        String id = accountId + ":" + key;
        Instant now = clock.instant();
        try {
            mongo.insert(new Document("_id", id).append("request_hash", requestHash)
                    .append("created_at", Date.from(now)), COLLECTION);
            return new Claim.Claimed();
        } catch (DuplicateKeyException taken) {
            Document existing = mongo.findById(id, Document.class, COLLECTION);
            if (existing == null) {
                return claim(accountId, key, requestHash);
            }
            if (existing.getDate("created_at").toInstant().plus(KEEP).isBefore(now)) {
                mongo.remove(Query.query(where("_id").is(id)), COLLECTION);
                return claim(accountId, key, requestHash);
            }
            if (!requestHash.equals(existing.getString("request_hash"))) {
                return new Claim.Mismatch();
            }
            String response = existing.getString("response");
            return response == null ? new Claim.InProgress() : new Claim.Replay(response);
        }
    }

    void complete(String accountId, String key, String responseJson) {
        mongo.updateFirst(Query.query(where("_id").is(accountId + ":" + key)),
                new Update().set("response", responseJson), COLLECTION);
    }

    /** A failed send frees its key, so the client may retry with it. */
    void release(String accountId, String key) {
        mongo.remove(Query.query(where("_id").is(accountId + ":" + key)), COLLECTION);
    }


    @Scheduled(initialDelay = 120_000, fixedDelay = 3_600_000)
    void purge() {
        mongo.remove(Query.query(where("created_at").lt(Date.from(clock.instant().minus(KEEP)))), COLLECTION);
    }
}
