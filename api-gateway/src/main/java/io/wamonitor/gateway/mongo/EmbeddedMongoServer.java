package io.wamonitor.gateway.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;

/**
 * How the embedded MongoDB (mongo-java-server) is served: with one network thread, so its backend is never
 * entered by two requests at once.
 *
 * <p>Why: mongo-java-server's backends are not safe under concurrent use. With its default of one thread per
 * core, a query's answer is encoded on one thread while another thread's update changes the same stored
 * document; the encoder then throws {@code ConcurrentModificationException}, the server closes that connection,
 * the driver clears its pool and the operations in flight on other connections fail with
 * {@code MongoConnectionPoolClearedException} (seen in CI, reproduced by {@code EmbeddedMongoServerTest}). One thread
 * decodes, runs and encodes each request in turn, so no document is ever read and written at once. The
 * throughput this leaves is measured in docs/PERFORMANCE.md; it is far above what the gateway needs for the
 * handful of accounts the embedded default is meant for. Real MongoDB ({@code MONGO_URL}) has no such limit.
 */
public final class EmbeddedMongoServer {

    private EmbeddedMongoServer() {}

    public static MongoServer serve(MongoBackend backend, InetSocketAddress address) {
        MongoServer server = new MongoServer(backend);
        server.bind(address, 1, 1);
        return server;
    }
}
