package io.wamonitor.gateway.mongo;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health by {@code ping}, which MongoDB and the embedded server both answer (Boot's own indicator uses
 * {@code hello}, which mongo-java-server does not know, so health would always be DOWN in embedded mode).
 */
@Configuration(proxyBeanMethods = false)
class MongoHealth {

    @Bean(name = "mongoHealthIndicator")
    AbstractHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                Document answer = mongo.getDb().runCommand(new Document("ping", 1));
                builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", answer.get("ok"));
            }
        };
    }
}
