package io.wamonitor.gateway.mongo;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param url     {@code MONGO_URL}; blank means "start the embedded server"
 * @param dataDir {@code DATA_DIR}; where the embedded server keeps its file
 * @param timeout {@code MONGO_TIMEOUT}: the longest any one database call may take (finding a server,
 *                connecting, waiting for a pooled connection, waiting for the answer) before it fails; no
 *                request or listener can hang on the database
 */
@ConfigurationProperties("wamonitor.mongo")
public record MongoSettings(String url, Path dataDir, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public MongoSettings {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
    }
}
