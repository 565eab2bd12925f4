package io.wamonitor.simulator.network;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** WhatsApp's media servers: uploaded bytes by id. */
@Component
public class MediaStore {

    private final Map<String, StoredMedia> media = new ConcurrentHashMap<>();

    public StoredMedia put(byte[] bytes, String mimetype, String filename) {
        StoredMedia stored = new StoredMedia(UUID.randomUUID().toString(), bytes, mimetype, filename, sha256(bytes));
        media.put(stored.id(), stored);
        return stored;
    }

    public Optional<StoredMedia> get(String id) {
        return Optional.ofNullable(id == null ? null : media.get(id));
    }

    /** Media expire on WhatsApp's servers; a download then fails with media_not_found. */
    public void expire(String id) {
        media.remove(id);
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
