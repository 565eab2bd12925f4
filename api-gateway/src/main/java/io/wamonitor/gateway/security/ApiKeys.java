package io.wamonitor.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The API keys that may call /api/**: {@code API_KEYS} (comma-separated), or, when none is configured, one
 * generated at the first start, printed once in the log and stored only as a SHA-256 hash.
 */
@Component
public class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final String SETTINGS = "gateway_settings";
    private static final String GENERATED = "generated_api_key_sha256";

    private final List<byte[]> hashes;

    ApiKeys(@Value("${wamonitor.security.api-keys:}") String configured, MongoTemplate mongo) {
        List<String> keys = Arrays.stream(configured.split(","))
                .map(String::trim)
                .filter(k -> !k.isEmpty())
                .toList();
        if (!keys.isEmpty()) {
            hashes = keys.stream().map(ApiKeys::sha256).toList();
            log.info("API key authentication: {} key(s) from API_KEYS", keys.size());
            return;
        }
        Document stored = mongo.findById(GENERATED, Document.class, SETTINGS);
        if (stored != null) {
            hashes = List.of(HexFormat.of().parseHex(stored.getString("value")));
            log.info("API key authentication: using the key generated at first start (set API_KEYS to use your own)");
            return;
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String key = "wam_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        mongo.save(new Document("_id", GENERATED).append("value", HexFormat.of().formatHex(sha256(key))), SETTINGS);
        hashes = List.of(sha256(key));
        // Printed once, on purpose: only its hash is kept, so this is the only time anyone can read it.
        log.warn(
                "No API_KEYS configured: generated an API key; send it as X-Api-Key (or Authorization: Bearer). "
                        + "It is shown only now: {}  -- set API_KEYS=<your keys> to use your own",
                key);
    }

    public boolean valid(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 512) {
            return false;
        }
        byte[] hash = sha256(presented);
        boolean match = false;
        for (byte[] known : hashes) {
            match |= MessageDigest.isEqual(known, hash);
        }
        return match;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
