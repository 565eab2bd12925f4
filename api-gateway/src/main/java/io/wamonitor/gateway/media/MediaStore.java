package io.wamonitor.gateway.media;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.gridfs.model.GridFSFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

/** Media bytes in GridFS, and the signed, expiring URLs that serve them without an API key. */
@Component
public class MediaStore {

    private final GridFsTemplate gridFs;
    private final MediaSettings settings;
    private final Clock clock;
    private final byte[] urlKey;
    private final Environment environment;

    MediaStore(
            GridFsTemplate gridFs, MongoTemplate mongo, MediaSettings settings, Clock clock, Environment environment) {
        this.gridFs = gridFs;
        this.settings = settings;
        this.clock = clock;
        this.urlKey = urlKey(mongo, settings);
        this.environment = environment;
    }

    /**
     * {@code PUBLIC_BASE_URL}, or this gateway on localhost. Read when a URL is made: the port the server took
     * ({@code local.server.port}) is known only once it started, after this bean was made.
     */
    private String baseUrl() {
        String base = settings.publicBaseUrl();
        return base == null || base.isBlank()
                ? "http://localhost:"
                        + environment.getProperty("local.server.port", environment.getProperty("server.port", "8001"))
                : base.replaceAll("/+$", "");
    }

    public record Stored(String id, String url) {}

    /** Stores the bytes for an account's message and returns a URL valid for {@code MEDIA_URL_TTL}. */
    public Stored store(String accountId, String messageId, String mimetype, String filename, byte[] bytes) {
        Document metadata = new Document("account_id", accountId)
                .append("message_id", messageId)
                .append("content_type", mimetype == null ? "application/octet-stream" : mimetype)
                .append("filename", filename);
        ObjectId id = gridFs.store(
                new ByteArrayInputStream(bytes), filename == null ? messageId : filename, mimetype, metadata);
        return new Stored(id.toHexString(), url(id.toHexString()));
    }

    public String url(String id) {
        return signedUrl("/media/" + id, id);
    }

    /**
     * An absolute URL of this gateway ({@code MEDIA_PUBLIC_BASE_URL}) for {@code path}, signed for {@code subject}
     * and valid for {@code MEDIA_URL_TTL}: for other pictures sent in webhooks that a receiver fetches without an API
     * key. The subject must name what it grants (e.g. with a prefix), so one signature never opens another thing.
     */
    public String signedUrl(String path, String subject) {
        long expires = clock.instant().plus(settings.urlTtl()).getEpochSecond();
        return baseUrl() + path + "?expires=" + expires + "&signature="
                + URLEncoder.encode(sign(subject, expires), StandardCharsets.UTF_8);
    }

    public boolean validSignature(String id, long expires, String signature) {
        // Compared as seconds: an expiry beyond what Instant can hold is simply not signed, not an error.
        if (signature == null || expires < clock.instant().getEpochSecond()) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(id, expires).getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }

    public Optional<Media> load(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        GridFSFile file = gridFs.findOne(query(where("_id").is(new ObjectId(id))));
        if (file == null) {
            return Optional.empty();
        }
        GridFsResource resource = gridFs.getResource(file);
        try {
            Document metadata = file.getMetadata() == null ? new Document() : file.getMetadata();
            return Optional.of(new Media(
                    resource.getInputStream().readAllBytes(),
                    metadata.getString("content_type"),
                    metadata.getString("filename")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deleteForAccount(String accountId) {
        gridFs.delete(query(where("metadata.account_id").is(accountId)));
    }

    public record Media(byte[] bytes, String mimetype, String filename) {}

    private String sign(String id, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(urlKey, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal((id + ":" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** MEDIA_URL_SECRET, or a random key kept in MongoDB so URLs stay valid across restarts. */
    private static byte[] urlKey(MongoTemplate mongo, MediaSettings settings) {
        if (settings.urlSecret() != null && !settings.urlSecret().isBlank()) {
            return settings.urlSecret().getBytes(StandardCharsets.UTF_8);
        }
        Document existing = mongo.findById("media_url_key", Document.class, "gateway_settings");
        if (existing != null) {
            return HexFormat.of().parseHex(existing.getString("value"));
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            mongo.insert(
                    new Document("_id", "media_url_key")
                            .append("value", HexFormat.of().formatHex(key)),
                    "gateway_settings");
            return key;
        } catch (DuplicateKeyException raced) {
            return HexFormat.of()
                    .parseHex(mongo.findById("media_url_key", Document.class, "gateway_settings")
                            .getString("value"));
        }
    }
}
