package io.wamonitor.gateway.worker;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The assignments in MongoDB ({@code assignments}, one per account). Each change of owner is one atomic
 * find-and-modify that raises the epoch, so two gateway instances can never hand out the same epoch twice.
 */
@Repository
class Assignments {

    static final String COLLECTION = "assignments";

    private final MongoTemplate mongo;
    private final Clock clock;

    Assignments(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Optional<Assignment> find(String account) {
        return Optional.ofNullable(mongo.findById(account, Assignment.class, COLLECTION));
    }

    List<Assignment> all() {
        return mongo.findAll(Assignment.class, COLLECTION);
    }

    List<Assignment> onWorker(String worker) {
        return mongo.find(query(where("worker").is(worker)), Assignment.class, COLLECTION);
    }

    /**
     * Gives the account to {@code worker} under a new epoch (one more than any before), if its assignment still
     * has {@code expectedEpoch} (0: it has none yet); empty when another instance changed it first.
     */
    Optional<Assignment> assign(String account, String worker, long expectedEpoch, boolean restore) {
        Instant now = clock.instant();
        Query current = expectedEpoch == 0
                ? query(where("_id").is(account).and("epoch").exists(false))
                : query(where("_id").is(account).and("epoch").is(expectedEpoch));
        Update update = new Update()
                .inc("epoch", 1)
                .set("worker", worker)
                .set("state", Assignment.ACTIVE)
                .set("restore_pending", restore)
                .unset("moving_since")
                .set("hand_over", false)
                .set("updated_at", now);
        try {
            return Optional.ofNullable(mongo.findAndModify(
                    current,
                    update,
                    FindAndModifyOptions.options().returnNew(true).upsert(expectedEpoch == 0),
                    Assignment.class,
                    COLLECTION));
        } catch (DuplicateKeyException lostTheRace) {
            return Optional.empty();
        }
    }

    /** No worker has room for the account now: it keeps its epoch (the next owner gets a higher one). */
    Optional<Assignment> unplace(String account, long expectedEpoch) {
        return Optional.ofNullable(mongo.findAndModify(
                query(where("_id").is(account).and("epoch").is(expectedEpoch)),
                new Update()
                        .inc("epoch", 1)
                        .unset("worker")
                        .set("state", Assignment.ACTIVE)
                        .set("restore_pending", false)
                        .set("updated_at", clock.instant()),
                FindAndModifyOptions.options().returnNew(true),
                Assignment.class,
                COLLECTION));
    }

    /** A drain begins to move the account: it is stopped on its worker first. */
    boolean markMoving(String account, long epoch, boolean handOver) {
        return mongo.updateFirst(
                                query(where("_id").is(account).and("epoch").is(epoch)),
                                new Update()
                                        .set("state", Assignment.MOVING)
                                        .set("hand_over", handOver)
                                        .set("moving_since", clock.instant())
                                        .set("updated_at", clock.instant()),
                                COLLECTION)
                        .getModifiedCount()
                > 0;
    }

    /** The owner reported the session under this epoch: the backup is in place (or was not needed). */
    void restored(String account, long epoch) {
        mongo.updateFirst(
                query(where("_id")
                        .is(account)
                        .and("epoch")
                        .is(epoch)
                        .and("restore_pending")
                        .is(true)),
                new Update().set("restore_pending", false).set("updated_at", clock.instant()),
                COLLECTION);
    }

    void remove(String account) {
        mongo.remove(query(where("_id").is(account)), COLLECTION);
    }
}
