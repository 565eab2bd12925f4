package io.wamonitor.gateway.worker;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * What the operator decided about workers, shared by every gateway instance ({@code workers} in MongoDB): which
 * ones are draining, and when each was last heard from (so an instance that starts knows the workers that are
 * gone).
 */
@Repository
class WorkerStates {

    static final String COLLECTION = "workers";

    private final MongoTemplate mongo;
    private final Clock clock;

    WorkerStates(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Known workers: whether each drains, and when it was last heard from. */
    Map<String, Known> all() {
        Map<String, Known> known = new HashMap<>();
        for (Document d : mongo.findAll(Document.class, COLLECTION)) {
            known.put(
                    d.getString("_id"),
                    new Known(
                            Boolean.TRUE.equals(d.getBoolean("draining")),
                            d.getDate("last_heard_at") == null
                                    ? null
                                    : d.getDate("last_heard_at").toInstant(),
                            d.getDate("forgotten_at") == null
                                    ? null
                                    : d.getDate("forgotten_at").toInstant()));
        }
        return known;
    }

    void setDraining(String worker, boolean draining) {
        mongo.upsert(
                query(where("_id").is(worker)),
                new Update().set("draining", draining).set("draining_since", draining ? clock.instant() : null),
                COLLECTION);
    }

    void heard(String worker, Instant at) {
        mongo.upsert(query(where("_id").is(worker)), new Update().max("last_heard_at", at), COLLECTION);
    }

    /** The operator removed a worker that is gone for good: it is listed again only if it reports after this. */
    void forget(String worker) {
        mongo.upsert(
                query(where("_id").is(worker)),
                new Update().set("forgotten_at", clock.instant()).set("draining", false),
                COLLECTION);
    }

    /**
     * @param forgottenAt when the operator removed it (it stays removed unless heard from after that)
     */
    record Known(boolean draining, Instant lastHeardAt, Instant forgottenAt) {

        boolean forgotten() {
            return forgottenAt != null && (lastHeardAt == null || !lastHeardAt.isAfter(forgottenAt));
        }
    }
}
