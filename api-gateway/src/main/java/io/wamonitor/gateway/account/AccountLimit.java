package io.wamonitor.gateway.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Enforces {@code MAX_WHATSAPP_ACCOUNTS} without transactions: the limit is a set of numbered slot documents
 * ({@code _id} 0 .. max-1) and an account exists only while it holds one. Claiming is an insert, which the
 * unique {@code _id} makes atomic in MongoDB and in the embedded server alike, so concurrent creates can never
 * exceed the limit.
 */
@Component
class AccountLimit {

    static final String COLLECTION = "account_slots";
    /** How long a slot may exist without its account before it is considered left behind by a crash. */
    private static final Duration ORPHAN_AGE = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(AccountLimit.class);

    private final MongoTemplate mongo;
    private final AccountSettings settings;
    private final Clock clock;

    AccountLimit(MongoTemplate mongo, AccountSettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    /** Claims a free slot for the account, or throws {@link AccountLimitReachedException}. */
    int claim(String accountId) {
        // After MAX_WHATSAPP_ACCOUNTS was lowered, accounts may sit in slots above the new limit.
        if (mongo.count(new Query(), AccountRepository.COLLECTION) >= settings.max()) {
            throw new AccountLimitReachedException(settings.max());
        }
        for (int slot = 0; slot < settings.max(); slot++) {
            try {
                mongo.insert(
                        new Document("_id", slot)
                                .append("account_id", accountId)
                                .append("claimed_at", Date.from(clock.instant())),
                        COLLECTION);
                return slot;
            } catch (DuplicateKeyException taken) {
                // try the next slot
            }
        }
        throw new AccountLimitReachedException(settings.max());
    }

    void release(String accountId) {
        mongo.remove(Query.query(Criteria.where("account_id").is(accountId)), COLLECTION);
    }

    /** Frees slots whose account was never written (a crash between claim and insert). */
    @Scheduled(initialDelay = 5_000, fixedDelay = 60_000)
    void releaseOrphanedSlots() {
        Instant cutoff = clock.instant().minus(ORPHAN_AGE);
        List<Document> slots =
                mongo.find(Query.query(Criteria.where("claimed_at").lt(Date.from(cutoff))), Document.class, COLLECTION);
        if (slots.isEmpty()) {
            return;
        }
        Set<String> existing = new HashSet<>();
        mongo.findAll(Document.class, AccountRepository.COLLECTION).forEach(doc -> existing.add(doc.getString("_id")));
        for (Document slot : slots) {
            String accountId = slot.getString("account_id");
            if (!existing.contains(accountId)) {
                log.warn(
                        "Releasing account slot {} left behind by account {} that was never stored",
                        slot.get("_id"),
                        accountId);
                mongo.remove(
                        Query.query(Criteria.where("_id")
                                .is(slot.get("_id"))
                                .and("account_id")
                                .is(accountId)),
                        COLLECTION);
            }
        }
    }
}
