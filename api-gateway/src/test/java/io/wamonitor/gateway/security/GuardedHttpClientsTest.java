package io.wamonitor.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clients used for webhooks and media connect only where the guard says, at connect time. */
class GuardedHttpClientsTest {

    private HttpServer receiver;
    private final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void reachesAReceiverTheGuardAllows() throws IOException {
        OutboundGuard guard = new OutboundGuard("127.0.0.1:" + port());
        try (CloseableHttpClient http = client(guard)) {
            int status = http.execute(new HttpPost("http://127.0.0.1:" + port() + "/hook"), r -> r.getCode());

            assertThat(status).isEqualTo(204);
            assertThat(hits).hasValue(1);
        }
    }

    @Test
    void aNameThatRebindsToLoopbackAfterTheCheckIsNotConnectedTo() throws IOException {
        OutboundGuard rebinding = new RebindingGuard();
        URI hook = URI.create("http://hooks.example.test:" + port() + "/hook");
        assertThat(rebinding.check(hook))
                .as("the first answer is public, so the check passes")
                .isNotEmpty();

        try (CloseableHttpClient http = client(rebinding)) {
            assertThatThrownBy(() -> http.execute(new HttpPost(hook), r -> r.getCode()))
                    .isInstanceOf(OutboundGuard.BlockedUrlException.class);
        }
        assertThat(hits).as("nothing reached the loopback receiver").hasValue(0);
    }

    /** DNS that answers with a public address first and with 127.0.0.1 afterwards. */
    private static final class RebindingGuard extends OutboundGuard {
        private final AtomicInteger lookups = new AtomicInteger();

        RebindingGuard() {
            super("");
        }

        @Override
        public InetAddress[] resolve(String host, int port) {
            if (lookups.getAndIncrement() == 0) {
                return super.resolve("93.184.216.34", port);
            }
            return super.resolve("127.0.0.1", port);
        }
    }

    private static CloseableHttpClient client(OutboundGuard guard) {
        return GuardedHttpClients.create(guard, Duration.ofSeconds(2), Duration.ofSeconds(2), 2);
    }

    private int port() {
        return receiver.getAddress().getPort();
    }
}
