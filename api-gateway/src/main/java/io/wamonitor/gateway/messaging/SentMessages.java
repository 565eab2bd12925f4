package io.wamonitor.gateway.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.wamonitor.contracts.event.MessageAckChanged;
import io.wamonitor.gateway.api.WorkerEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Messages sent through the API and their delivery state, updated from WhatsApp's receipts (acks). */
@Component
class SentMessages {

    private static final String COLLECTION = "sent_messages";

    private final MongoTemplate mongo;
    private final Clock clock;

    SentMessages(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    void sent(String accountId, String messageId, String to, int ack) {
        mongo.save(
                new Document("_id", messageId)
                        .append("account_id", accountId)
                        .append("to", to)
                        .append("ack", ack)
                        .append("status", status(ack))
                        .append("created_at", Date.from(clock.instant()))
                        .append("updated_at", Date.from(clock.instant())),
                COLLECTION);
    }

    @EventListener
    void on(WorkerEvent<MessageAckChanged> event) {
        ack(
                event.accountId().toString(),
                event.payload().messageIds(),
                event.payload().ack());
    }

    /** Applies a receipt; acks only move forward (a late "delivered" never undoes "read"). */
    void ack(String accountId, List<String> messageIds, int ack) {
        mongo.updateMulti(
                Query.query(where("_id")
                        .in(messageIds)
                        .and("account_id")
                        .is(accountId)
                        .orOperator(where("ack").lt(ack), where("ack").is(null))),
                new Update().set("ack", ack).set("status", status(ack)).set("updated_at", Date.from(clock.instant())),
                COLLECTION);
    }

    /** A message sent through the API and its delivery state. */
    record SentMessage(String messageId, String to, String status, Integer ack, Instant updatedAt) {}

    Optional<SentMessage> find(String accountId, String messageId) {
        return Optional.ofNullable(mongo.findOne(
                        Query.query(where("_id").is(messageId).and("account_id").is(accountId)),
                        Document.class,
                        COLLECTION))
                .map(d -> new SentMessage(
                        d.getString("_id"),
                        d.getString("to"),
                        d.getString("status"),
                        d.getInteger("ack"),
                        d.getDate("updated_at").toInstant()));
    }

    private static String status(int ack) {
        return MessageAckChanged.statusOf(ack);
    }
}
