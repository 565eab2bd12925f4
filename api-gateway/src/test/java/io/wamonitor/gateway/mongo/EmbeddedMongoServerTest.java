package io.wamonitor.gateway.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server as the gateway serves it, under the pattern that broke it: many clients updating one
 * document while others read it. Served with the library's default threads this fails within seconds (the
 * answer to a read is encoded while the document changes, the connection is closed and the client sees failed
 * commands); served as {@link EmbeddedMongoServer} does, every command succeeds and no update is lost.
 */
class EmbeddedMongoServerTest {

    private static final int CLIENTS = 8;
    private static final int ROUNDS = 120;

    @TempDir
    Path dir;

    @Test
    void concurrentUpdatesAndReadsOfOneDocumentAllSucceed() throws Exception {
        H2Backend backend = new H2Backend(dir.resolve("mongo.mv.db").toString());
        MongoServer server = EmbeddedMongoServer.serve(backend, new InetSocketAddress("127.0.0.1", 0));
        List<String> failedCommands = new CopyOnWriteArrayList<>();
        CommandListener failures = new CommandListener() {
            @Override
            public void commandFailed(CommandFailedEvent event) {
                failedCommands.add(event.getCommandName() + ": " + event.getThrowable());
            }
        };
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(
                        "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/?retryWrites=false"))
                .applyToSocketSettings(s -> s.readTimeout(10, TimeUnit.SECONDS))
                .addCommandListener(failures)
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try (MongoClient client = MongoClients.create(settings)) {
            MongoCollection<Document> docs = client.getDatabase("test").getCollection("docs");
            docs.insertOne(new Document("_id", "busy").append("n", 0).append("log", new ArrayList<>()));
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int clientNo = c;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < ROUNDS; i++) {
                        docs.updateOne(
                                new Document("_id", "busy"),
                                new Document("$inc", new Document("n", 1))
                                        .append(
                                                "$push",
                                                new Document("log", new Document("client", clientNo).append("i", i)))
                                        .append("$set", new Document("field" + (i % 40), i)));
                        docs.find(new Document("_id", "busy")).first();
                        docs.find().into(new ArrayList<>());
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get(120, TimeUnit.SECONDS);
            }
            assertThat(failedCommands).isEmpty();
            assertThat(docs.find().first().getInteger("n")).isEqualTo(CLIENTS * ROUNDS);
        } finally {
            pool.shutdownNow();
            server.shutdownNow();
            backend.close();
        }
    }
}
