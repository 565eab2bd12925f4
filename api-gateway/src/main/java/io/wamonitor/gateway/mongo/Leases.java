package io.wamonitor.gateway.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Leases shared by the gateway instances in MongoDB: a named lease is held by one instance at a time until it
 * expires or is released, so work that must happen once (leading reconciliation, sending one account's webhooks)
 * is done by one instance while every instance answers the API. Taking a lease is one atomic upsert: it matches
 * the lease when it is this instance's or has expired; otherwise the insert of the same name collides with the
 * holder's document. No transactions needed (the embedded server has none).
 */
@Component
public class Leases {

    private static final String COLLECTION = "leases";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String instance;

    Leases(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.instance = hostname() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** How this gateway instance names itself as a lease holder (host name and a random suffix). */
    public String instance() {
        return instance;
    }

    /** Takes or renews the lease for {@code ttl}; true when this instance holds it now. */
    public boolean hold(String name, Duration ttl) {
        Instant now = clock.instant();
        try {
            mongo.upsert(
                    query(where("_id")
                            .is(name)
                            .orOperator(
                                    where("owner").is(instance), where("until").lt(Date.from(now)))),
                    new Update()
                            .set("owner", instance)
                            .set("until", Date.from(now.plus(ttl)))
                            .set("renewed_at", Date.from(now)),
                    COLLECTION);
            return true;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    /** Gives the lease up if this instance holds it, so another can take it at once. */
    public void release(String name) {
        mongo.remove(
                query(new Criteria()
                        .andOperator(where("_id").is(name), where("owner").is(instance))),
                COLLECTION);
    }

    /** Who holds the lease now, if anyone. */
    public String holder(String name) {
        Document document = mongo.findOne(
                query(new Criteria()
                        .andOperator(where("_id").is(name), where("until").gt(Date.from(clock.instant())))),
                Document.class,
                COLLECTION);
        return document == null ? null : document.getString("owner");
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "gateway";
        }
    }
}
