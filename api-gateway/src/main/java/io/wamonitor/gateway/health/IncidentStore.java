package io.wamonitor.gateway.health;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.gridfs.model.GridFSFile;
import io.wamonitor.contracts.event.AccountIncident;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

/**
 * Incidents in the {@code incidents} collection, their screenshots in the {@code incident_screenshots} GridFS
 * bucket. The newest {@value #KEEP} of each account are kept. Stored once per incident id: a worker's event
 * delivered twice is one incident.
 */
@Component
class IncidentStore {

    static final int KEEP = 10;
    private static final String COLLECTION = "incidents";

    private final MongoTemplate mongo;
    private final GridFsTemplate screenshots;

    IncidentStore(MongoTemplate mongo, MongoDatabaseFactory database, MongoConverter converter) {
        this.mongo = mongo;
        this.screenshots = new GridFsTemplate(database, converter, "incident_screenshots");
        mongo.indexOps(COLLECTION)
                .ensureIndex(new Index().on("account_id", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
    }

    /** A stored incident: as the API shows it, and the GridFS id of its screenshot (null when it has none). */
    record Incident(IncidentView view, String screenshotId) {}

    /**
     * Stores the incident's screenshot, then the incident unless it is there already; keeps the newest
     * {@value #KEEP}. The picture goes first and is found again by its incident id: a crash in between leaves a
     * picture that the redelivered event reuses (or that goes with the account), and another gateway pruning the
     * account's incidents meanwhile cannot orphan it, since pictures are deleted by the incident they belong to.
     */
    void store(String accountId, AccountIncident incident, byte[] png) {
        String id = incident.incidentId().toString();
        String screenshotId = png == null ? null : storeScreenshot(accountId, id, png);
        Document doc = new Document("_id", id)
                .append("account_id", accountId)
                .append("at", Date.from(incident.at()))
                .append(
                        "from_status",
                        incident.fromStatus() == null
                                ? null
                                : incident.fromStatus().name())
                .append(
                        "to_status",
                        incident.toStatus() == null ? null : incident.toStatus().name())
                .append("reason", incident.reason())
                .append("heal_step", incident.healStep())
                .append("heal_reason", incident.healReason())
                .append("worker_id", incident.workerId())
                .append("screenshot_id", screenshotId)
                .append("screenshot_note", incident.screenshotNote());
        try {
            mongo.insert(doc, COLLECTION);
        } catch (DuplicateKeyException e) {
            if (screenshotId != null) {
                // delivered twice; the first time stored it without its picture (an older gateway did so)
                mongo.updateFirst(
                        query(where("_id").is(id).and("screenshot_id").is(null)),
                        Update.update("screenshot_id", screenshotId),
                        COLLECTION);
            }
            return;
        }
        prune(accountId);
    }

    /** The incident's screenshot in GridFS, stored now unless an earlier delivery of the event stored it. */
    private String storeScreenshot(String accountId, String incidentId, byte[] png) {
        GridFSFile stored =
                screenshots.findOne(query(where("metadata.incident_id").is(incidentId)));
        if (stored != null) {
            return stored.getObjectId().toHexString();
        }
        Document metadata = new Document("account_id", accountId).append("incident_id", incidentId);
        return screenshots
                .store(new ByteArrayInputStream(png), incidentId + ".png", "image/png", metadata)
                .toHexString();
    }

    /** The account's incidents, newest first. */
    List<Incident> forAccount(String accountId) {
        Query newest = query(where("account_id").is(accountId))
                .with(Sort.by(Sort.Direction.DESC, "at").and(Sort.by(Sort.Direction.DESC, "_id")))
                .limit(KEEP);
        return mongo.find(newest, Document.class, COLLECTION).stream()
                .map(IncidentStore::incident)
                .toList();
    }

    Optional<Incident> find(String accountId, String incidentId) {
        Document doc = mongo.findOne(
                query(where("_id").is(incidentId).and("account_id").is(accountId)), Document.class, COLLECTION);
        return Optional.ofNullable(doc).map(IncidentStore::incident);
    }

    /** Any account's incident, by its id alone (for a signed URL, which names no account). */
    Optional<Incident> find(String incidentId) {
        Document doc = mongo.findOne(query(where("_id").is(incidentId)), Document.class, COLLECTION);
        return Optional.ofNullable(doc).map(IncidentStore::incident);
    }

    Optional<byte[]> screenshot(String screenshotId) {
        if (screenshotId == null || !ObjectId.isValid(screenshotId)) {
            return Optional.empty();
        }
        GridFSFile file = screenshots.findOne(query(where("_id").is(new ObjectId(screenshotId))));
        if (file == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(screenshots.getResource(file).getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteForAccount(String accountId) {
        mongo.remove(query(where("account_id").is(accountId)), COLLECTION);
        screenshots.delete(query(where("metadata.account_id").is(accountId)));
    }

    /** Older incidents beyond the newest {@value #KEEP} go, with their screenshots. */
    private void prune(String accountId) {
        Query all = query(where("account_id").is(accountId))
                .with(Sort.by(Sort.Direction.DESC, "at").and(Sort.by(Sort.Direction.DESC, "_id")));
        List<Document> docs = mongo.find(all, Document.class, COLLECTION);
        for (int i = KEEP; i < docs.size(); i++) {
            Document old = docs.get(i);
            mongo.remove(query(where("_id").is(old.get("_id"))), COLLECTION);
            screenshots.delete(query(where("metadata.incident_id").is(String.valueOf(old.get("_id")))));
        }
    }

    private static Incident incident(Document d) {
        Date at = d.getDate("at");
        String id = String.valueOf(d.get("_id"));
        String screenshotId = d.getString("screenshot_id");
        return new Incident(
                new IncidentView(
                        id,
                        at == null ? null : at.toInstant(),
                        d.getString("from_status"),
                        d.getString("to_status"),
                        d.getString("reason"),
                        d.getString("heal_step"),
                        d.getString("heal_reason"),
                        d.getString("worker_id"),
                        screenshotId == null
                                ? null
                                : "/api/accounts/" + d.getString("account_id") + "/incidents/" + id + "/screenshot",
                        d.getString("screenshot_note")),
                screenshotId);
    }
}
