package io.wamonitor.gateway.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * @param url     {@code MONGO_URL}; blank means "start the embedded server"
 * @param dataDir {@code DATA_DIR}; where the embedded server keeps its file
 */
@ConfigurationProperties("wamonitor.mongo")
public record MongoSettings(String url, Path dataDir) {

    public MongoSettings {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
    }
}
