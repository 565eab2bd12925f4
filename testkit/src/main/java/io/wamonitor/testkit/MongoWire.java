package io.wamonitor.testkit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * A MongoDB wire-protocol server (mongo-java-server, in memory) in the test's own process, for tests that need
 * the gateway on an external MongoDB ({@code MONGO_URL}), e.g. behind a {@link TcpProxy} to cut it. Served by one
 * thread, as the gateway serves its embedded one (its backends are not safe under concurrent use).
 */
public final class MongoWire implements AutoCloseable {

    private final MongoServer server;

    public MongoWire() {
        server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
    }

    public int port() {
        return server.getLocalAddress().getPort();
    }

    /** A MONGO_URL for a process to reach this server on {@code port} (its own, or a proxy's). */
    public static String url(int port) {
        return "mongodb://127.0.0.1:" + port + "/?retryWrites=false";
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
