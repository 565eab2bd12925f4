package io.wamonitor.gateway.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Connects to {@code MONGO_URL} when it is set. Otherwise starts mongo-java-server with its H2 backend on
 * loopback, so a newcomer needs no MongoDB installation.
 */
@Configuration(proxyBeanMethods = false)
class MongoConnectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoConnectionConfiguration.class);

    /** The write commands after which the embedded store is committed to disk. */
    private static final Set<String> WRITE_COMMANDS =
            Set.of("insert", "update", "delete", "findAndModify", "createIndexes", "drop", "dropIndexes");

    /**
     * Every call has an end: server selection, connecting, the wait for a pooled connection and the answer are
     * each bounded by {@code MONGO_TIMEOUT}, so a database that is down or stuck fails a call (which the caller
     * retries or answers 503) instead of holding a request thread or an event listener forever.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer boundedDatabaseCalls(MongoSettings settings) {
        long millis = settings.timeout().toMillis();
        return builder -> builder.applyToClusterSettings(
                        cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) millis, TimeUnit.MILLISECONDS)
                        .readTimeout((int) millis, TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(pool -> pool.maxWaitTime(millis, TimeUnit.MILLISECONDS));
    }

    @Bean
    @Conditional(ExternalMongo.class)
    MongoConnectionDetails externalMongo(MongoSettings settings) {
        ConnectionString connection = new ConnectionString(settings.url());
        return () -> connection;
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(EmbeddedMongo.class)
    static class Embedded {

        @Bean(destroyMethod = "close")
        H2Backend embeddedMongoBackend(MongoSettings settings) {
            Path dir = settings.dataDir().toAbsolutePath().normalize();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create DATA_DIR " + dir, e);
            }
            Path file = dir.resolve("mongo.mv.db");
            log.info("MONGO_URL is not set: using the embedded MongoDB (mongo-java-server, H2) stored in {}", file);
            return new H2Backend(file.toString());
        }

        @Bean(destroyMethod = "shutdownNow")
        MongoServer embeddedMongoServer(H2Backend backend) {
            return EmbeddedMongoServer.serve(backend, new InetSocketAddress("127.0.0.1", 0));
        }

        @Bean
        MongoConnectionDetails embeddedMongo(MongoServer server) {
            InetSocketAddress address = server.getLocalAddress();
            ConnectionString connection =
                    new ConnectionString("mongodb://127.0.0.1:" + address.getPort() + "/?retryWrites=false");
            return () -> connection;
        }

        /**
         * H2's MVStore commits on its own about once a second, so a kill -9 could lose the last second of
         * writes. Committing after every successful write command makes an acknowledged write durable.
         */
        @Bean
        MongoClientSettingsBuilderCustomizer commitEmbeddedWrites(H2Backend backend) {
            CommandListener listener = new CommandListener() {
                @Override
                public void commandSucceeded(CommandSucceededEvent event) {
                    if (WRITE_COMMANDS.contains(event.getCommandName())) {
                        backend.commit();
                    }
                }
            };
            return builder -> builder.addCommandListener(listener);
        }
    }

    static class EmbeddedMongo implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("wamonitor.mongo.url");
            return url == null || url.isBlank();
        }
    }

    static class ExternalMongo extends EmbeddedMongo {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !super.matches(context, metadata);
        }
    }
}
