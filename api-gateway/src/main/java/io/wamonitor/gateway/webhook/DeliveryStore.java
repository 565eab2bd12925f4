package io.wamonitor.gateway.webhook;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Delivery records in MongoDB; pure data access. */
@Repository
class DeliveryStore {

    static final String COLLECTION = "webhook_deliveries";

    private final MongoTemplate mongo;

    DeliveryStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION)
                .ensureIndex(new Index().on("status", Sort.Direction.ASC).on("seq", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION)
                .ensureIndex(new Index().on("account_id", Sort.Direction.ASC).on("seq", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION)
                .ensureIndex(new Index().on("status", Sort.Direction.ASC).on("next_attempt_at", Sort.Direction.ASC));
    }

    /** Records a delivery; false if one with this event id exists (a redelivered or repeated event). */
    boolean insert(Delivery delivery) {
        try {
            mongo.insert(delivery, COLLECTION);
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    long countPending() {
        return mongo.count(Query.query(where("status").is(Delivery.Status.PENDING)), COLLECTION);
    }

    /** The account's oldest pending delivery: the only one that may go out next. */
    Optional<Delivery> oldestPending(String accountId) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(where("account_id").is(accountId).and("status").is(Delivery.Status.PENDING))
                        .with(Sort.by("seq")),
                Delivery.class,
                COLLECTION));
    }

    /** Accounts with a pending delivery whose next attempt is due. */
    List<String> accountsWithDueDeliveries(Instant now) {
        return mongo.findDistinct(
                Query.query(where("status")
                        .is(Delivery.Status.PENDING)
                        .and("next_attempt_at")
                        .lte(now)),
                "account_id",
                COLLECTION,
                String.class);
    }

    Optional<Delivery> find(String accountId, String id) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(where("_id").is(id).and("account_id").is(accountId)), Delivery.class, COLLECTION));
    }

    List<Delivery> forAccount(String accountId, Delivery.Status status, int limit) {
        Query query = Query.query(where("account_id").is(accountId));
        if (status != null) {
            query.addCriteria(where("status").is(status));
        }
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "seq")).limit(limit), Delivery.class, COLLECTION);
    }

    void delivered(String id, int statusCode, long durationMs, Instant now) {
        mongo.updateFirst(
                pendingOne(id),
                new Update()
                        .set("status", Delivery.Status.DELIVERED)
                        .inc("attempts", 1)
                        .set("last_status_code", statusCode)
                        .set("last_error", null)
                        .set("last_duration_ms", durationMs)
                        .set("delivered_at", now)
                        .set("updated_at", now),
                COLLECTION);
    }

    void failedAttempt(
            String id,
            Integer statusCode,
            String error,
            long durationMs,
            Instant nextAttempt,
            boolean finalFailure,
            Instant now) {
        mongo.updateFirst(
                pendingOne(id),
                new Update()
                        .set("status", finalFailure ? Delivery.Status.FAILED : Delivery.Status.PENDING)
                        .inc("attempts", 1)
                        .set("last_status_code", statusCode)
                        .set("last_error", error)
                        .set("last_duration_ms", durationMs)
                        .set("next_attempt_at", nextAttempt)
                        .set("updated_at", now),
                COLLECTION);
    }

    void postpone(String id, Instant nextAttempt, String why, Instant now) {
        mongo.updateFirst(
                pendingOne(id),
                new Update()
                        .set("next_attempt_at", nextAttempt)
                        .set("last_error", why)
                        .set("updated_at", now),
                COLLECTION);
    }

    /**
     * Only a delivery that is still pending is updated by an attempt: one that was delivered meanwhile (say by a
     * sender that read an older list) is never turned back.
     */
    private static Query pendingOne(String id) {
        return Query.query(where("_id").is(id).and("status").is(Delivery.Status.PENDING));
    }

    /** Makes a delivery pending again, behind the account's other pending ones (a manual redelivery). */
    boolean requeue(String accountId, String id, long seq, Instant now) {
        return mongo.updateFirst(
                                Query.query(
                                        where("_id").is(id).and("account_id").is(accountId)),
                                new Update()
                                        .set("status", Delivery.Status.PENDING)
                                        .set("attempts", 0)
                                        .set("next_attempt_at", now)
                                        .set("seq", seq)
                                        .set("updated_at", now),
                                COLLECTION)
                        .getMatchedCount()
                > 0;
    }

    long purgeFinishedBefore(Instant cutoff) {
        return mongo.remove(
                        Query.query(where("status")
                                .in(Delivery.Status.DELIVERED, Delivery.Status.FAILED)
                                .and("updated_at")
                                .lt(cutoff)),
                        COLLECTION)
                .getDeletedCount();
    }

    void deleteForAccount(String accountId) {
        mongo.remove(Query.query(where("account_id").is(accountId)), COLLECTION);
    }
}
