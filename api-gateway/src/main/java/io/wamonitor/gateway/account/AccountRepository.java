package io.wamonitor.gateway.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.wamonitor.contracts.AccountStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Storage of {@link Account}s; pure data access, the rules live in {@link AccountService}. */
@Repository
class AccountRepository {

    static final String COLLECTION = "accounts";

    private final MongoTemplate mongo;

    AccountRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void insert(Account account) {
        mongo.insert(account, COLLECTION);
    }

    Optional<Account> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Account.class, COLLECTION));
    }

    List<Account> findAll() {
        return mongo.find(new Query().with(Sort.by("created_at", "_id")), Account.class, COLLECTION);
    }

    List<String> idsCreatedBefore(Instant cutoff) {
        Query query = Query.query(where("created_at").lt(cutoff));
        query.fields().include("_id");
        return mongo.find(query, Account.class, COLLECTION).stream()
                .map(Account::id)
                .toList();
    }

    List<String> allIds() {
        Query query = new Query();
        query.fields().include("_id");
        return mongo.find(query, Account.class, COLLECTION).stream()
                .map(Account::id)
                .toList();
    }

    long count() {
        return mongo.count(new Query(), COLLECTION);
    }

    boolean delete(String id) {
        return mongo.remove(Query.query(where("_id").is(id)), COLLECTION).getDeletedCount() > 0;
    }

    Optional<Account> updateWebhook(String id, String webhookUrl, List<String> webhookEvents, Instant now) {
        Update update = new Update().set("webhook_url", webhookUrl).set("updated_at", now);
        if (webhookEvents != null) {
            update.set("webhook_events", webhookEvents);
        }
        mongo.updateFirst(Query.query(where("_id").is(id)), update, COLLECTION);
        return find(id);
    }

    boolean setWebhookSecret(String id, String secret, Instant now) {
        return mongo.updateFirst(
                                Query.query(where("_id").is(id)),
                                new Update().set("webhook_secret", secret).set("updated_at", now),
                                COLLECTION)
                        .getMatchedCount()
                > 0;
    }

    /**
     * Records a status observed by the worker at {@code observedAt}, unless a later observation is already
     * stored (events may arrive out of order or twice). Returns whether the account changed.
     */
    boolean recordStatus(
            String id,
            AccountStatus status,
            String reason,
            String workerId,
            String phone,
            String whatsappWebVersion,
            String waJsVersion,
            Instant observedAt,
            Instant now) {
        Query query = Query.query(where("_id")
                .is(id)
                .orOperator(where("status_at").is(null), where("status_at").lte(observedAt)));
        Update update = new Update()
                .set("status", status)
                .set("status_reason", reason)
                .set("status_at", observedAt)
                .set("updated_at", now);
        if (workerId != null) {
            update.set("worker_id", workerId);
        }
        if (whatsappWebVersion != null) {
            update.set("whatsapp_web_version", whatsappWebVersion);
        }
        if (waJsVersion != null) {
            update.set("wa_js_version", waJsVersion);
        }
        if (phone != null) {
            update.set("phone", phone);
        } else if (status == AccountStatus.LOGGED_OUT) {
            update.set("phone", null);
        }
        return mongo.updateFirst(query, update, COLLECTION).getModifiedCount() > 0;
    }

    /** Stores the QR code on screen, unless a later one is already stored. */
    void recordQr(String id, String qrText, Instant observedAt, Instant now) {
        Query query = Query.query(where("_id")
                .is(id)
                .orOperator(where("qr_at").is(null), where("qr_at").lte(observedAt)));
        mongo.updateFirst(
                query,
                new Update().set("qr_text", qrText).set("qr_at", observedAt).set("updated_at", now),
                COLLECTION);
    }
}
