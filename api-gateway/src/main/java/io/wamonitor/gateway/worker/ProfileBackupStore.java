package io.wamonitor.gateway.worker;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.gridfs.model.GridFSFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

/**
 * The accounts' profile backups, as the workers made them (encrypted; the gateway cannot read them), in their own
 * GridFS bucket ({@code profile_backups}). The newest two of each account are kept: the newest, and one before it
 * in case the newest was cut short.
 */
@Component
class ProfileBackupStore {

    private static final int KEEP = 2;

    private final GridFsTemplate gridFs;

    ProfileBackupStore(MongoDatabaseFactory database, MongoConverter converter) {
        this.gridFs = new GridFsTemplate(database, converter, "profile_backups");
    }

    /** A stored backup: base64 text as the worker sent it. */
    record Backup(String account, String archive, Instant takenAt, long epoch, String worker) {}

    void store(String account, String archive, Instant takenAt, long epoch, String worker, Instant storedAt) {
        Document metadata = new Document("account_id", account)
                .append("taken_at", Date.from(takenAt))
                .append("stored_at", Date.from(storedAt))
                .append("epoch", epoch)
                .append("worker_id", worker);
        gridFs.store(
                new ByteArrayInputStream(archive.getBytes(StandardCharsets.US_ASCII)),
                account,
                "application/octet-stream",
                metadata);
        List<GridFSFile> all = files(account);
        for (int i = KEEP; i < all.size(); i++) {
            gridFs.delete(query(where("_id").is(all.get(i).getObjectId())));
        }
    }

    Optional<Backup> latest(String account) {
        List<GridFSFile> all = files(account);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        GridFSFile file = all.get(0);
        Document metadata = file.getMetadata();
        try {
            String archive =
                    new String(gridFs.getResource(file).getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            return Optional.of(new Backup(
                    account,
                    archive,
                    metadata.getDate("taken_at").toInstant(),
                    metadata.get("epoch", Number.class).longValue(),
                    metadata.getString("worker_id")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When the newest backup of the account was taken, if there is one. */
    Optional<Instant> latestTakenAt(String account) {
        List<GridFSFile> all = files(account);
        return all.isEmpty()
                ? Optional.empty()
                : Optional.of(all.get(0).getMetadata().getDate("taken_at").toInstant());
    }

    /** When the newest backup of the account reached the gateway, if there is one. */
    Optional<Instant> latestStoredAt(String account) {
        List<GridFSFile> all = files(account);
        if (all.isEmpty() || all.get(0).getMetadata().getDate("stored_at") == null) {
            return Optional.empty();
        }
        return Optional.of(all.get(0).getMetadata().getDate("stored_at").toInstant());
    }

    void deleteFor(String account) {
        gridFs.delete(query(where("metadata.account_id").is(account)));
    }

    /** Newest first. */
    private List<GridFSFile> files(String account) {
        List<GridFSFile> files = new ArrayList<>();
        gridFs.find(query(where("metadata.account_id").is(account))
                        .with(Sort.by(Sort.Direction.DESC, "metadata.taken_at")))
                .into(files);
        return files;
    }
}
