package io.wamonitor.simulator.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * WhatsApp's media servers: uploaded bytes by id, kept under {@code SIM_DATA_DIR/media} when it is set (so media
 * of messages waiting for a device survive a restart), in memory otherwise.
 */
@Component
public class MediaStore {

    private static final Logger log = LoggerFactory.getLogger(MediaStore.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    private final Map<String, StoredMedia> media = new ConcurrentHashMap<>();
    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();

    public MediaStore(SimSettings settings) {
        this.dir = settings.dataPath() == null ? null : settings.dataPath().resolve("media");
    }

    public StoredMedia put(byte[] bytes, String mimetype, String filename) {
        StoredMedia stored = new StoredMedia(UUID.randomUUID().toString(), bytes, mimetype, filename, sha256(bytes));
        media.put(stored.id(), stored);
        if (dir != null) {
            try {
                Files.createDirectories(dir);
                Files.write(dir.resolve(stored.id()), bytes);
                Files.writeString(
                        dir.resolve(stored.id() + ".json"),
                        json.writeValueAsString(
                                Map.of("mimetype", String.valueOf(mimetype), "filename", String.valueOf(filename))));
            } catch (IOException e) {
                log.warn("Cannot keep media {} on disk: {}", stored.id(), e.getMessage());
            }
        }
        return stored;
    }

    public Optional<StoredMedia> get(String id) {
        if (id == null) {
            return Optional.empty();
        }
        StoredMedia found = media.get(id);
        if (found == null && dir != null && ID.matcher(id).matches() && Files.isRegularFile(dir.resolve(id))) {
            try {
                byte[] bytes = Files.readAllBytes(dir.resolve(id));
                Map<?, ?> meta = json.readValue(dir.resolve(id + ".json").toFile(), Map.class);
                found = new StoredMedia(
                        id, bytes, nullable(meta.get("mimetype")), nullable(meta.get("filename")), sha256(bytes));
                media.put(id, found);
            } catch (IOException e) {
                log.warn("Cannot read media {}: {}", id, e.getMessage());
            }
        }
        return Optional.ofNullable(found);
    }

    /** Media expire on WhatsApp's servers; a download then fails with media_not_found. */
    public void expire(String id) {
        media.remove(id);
        if (dir != null && id != null && ID.matcher(id).matches()) {
            try {
                Files.deleteIfExists(dir.resolve(id));
                Files.deleteIfExists(dir.resolve(id + ".json"));
            } catch (IOException e) {
                log.warn("Cannot remove media {}: {}", id, e.getMessage());
            }
        }
    }

    private static String nullable(Object value) {
        return value == null || "null".equals(value) ? null : value.toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record StoredMedia(String id, byte[] bytes, String mimetype, String filename, String sha256) {}
}
