package io.wamonitor.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * What serving the embedded MongoDB with one thread (as the gateway's EmbeddedMongoServer does) costs: the
 * gateway's own pattern of calls (record a delivery, find an account's oldest pending one, mark it sent, read and
 * update an account) from 8 client threads for 15 s, against the H2-backed server with one thread and with the
 * library's default (two per core), counting operations and failed operations.
 *
 * <pre>./mvnw -B -q -pl bench exec:java -Dbench.main=io.wamonitor.bench.EmbeddedMongoThroughput</pre>
 */
public final class EmbeddedMongoThroughput {

    private static final int CLIENTS = 8;
    private static final Duration RUN = Duration.ofSeconds(15);

    private EmbeddedMongoThroughput() {}

    public static void main(String[] args) throws Exception {
        for (boolean oneThread : new boolean[] {true, false}) {
            Path dir = Files.createTempDirectory("embedded-mongo-bench");
            H2Backend backend = new H2Backend(dir.resolve("mongo.mv.db").toString());
            MongoServer server = new MongoServer(backend);
            if (oneThread) {
                server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
            } else {
                server.bind(new InetSocketAddress("127.0.0.1", 0));
            }
            Result result = run(server.getLocalAddress().getPort());
            System.out.printf(
                    "%s: %.0f operations/s (%d in %d s), %d failed%n",
                    oneThread ? "one server thread" : "default server threads",
                    result.operations / (double) RUN.toSeconds(),
                    result.operations,
                    RUN.toSeconds(),
                    result.failed);
            server.shutdownNow();
            backend.close();
        }
    }

    private record Result(long operations, long failed) {}

    private static Result run(int port) throws Exception {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port + "/?retryWrites=false"))
                .applyToSocketSettings(s -> s.readTimeout(10, TimeUnit.SECONDS))
                .build();
        AtomicLong operations = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        try (MongoClient client = MongoClients.create(settings)) {
            MongoCollection<Document> accounts = client.getDatabase("bench").getCollection("accounts");
            MongoCollection<Document> deliveries = client.getDatabase("bench").getCollection("webhook_deliveries");
            for (int a = 0; a < CLIENTS; a++) {
                accounts.insertOne(new Document("_id", "account-" + a)
                        .append("status", "READY")
                        .append("name", "A" + a));
            }
            Instant end = Instant.now().plus(RUN);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String account = "account-" + c;
                work.add(pool.submit(() -> {
                    long seq = 0;
                    while (Instant.now().isBefore(end)) {
                        try {
                            String id = account + "-" + seq;
                            deliveries.insertOne(new Document("_id", id)
                                    .append("account_id", account)
                                    .append("status", "PENDING")
                                    .append("seq", seq++)
                                    .append("body", "{\"event\":\"message\",\"text\":\"" + "x".repeat(300) + "\"}"));
                            deliveries
                                    .find(Filters.and(
                                            Filters.eq("account_id", account), Filters.eq("status", "PENDING")))
                                    .sort(Sorts.ascending("seq"))
                                    .first();
                            deliveries.updateOne(Filters.eq("_id", id), Updates.set("status", "DELIVERED"));
                            accounts.find(Filters.eq("_id", account)).first();
                            accounts.updateOne(Filters.eq("_id", account), Updates.set("status_at", seq));
                            operations.addAndGet(5);
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
        }
        return new Result(operations.get(), failed.get());
    }
}
