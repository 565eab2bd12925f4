package io.wamonitor.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guarded fetch against a real local HTTP server, allowed by port only. */
class MediaFetcherTest {

    private static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private HttpServer server;
    private MediaFetcher fetcher;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/photo", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain"); // lies: the bytes are a PNG
            exchange.sendResponseHeaders(200, PNG.length);
            exchange.getResponseBody().write(PNG);
            exchange.close();
        });
        server.createContext("/big", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(new byte[2048]);
            exchange.close();
        });
        server.createContext("/to-loopback", exchange -> redirect(exchange, "http://127.0.0.2:" + port() + "/photo"));
        server.createContext("/to-metadata", exchange -> redirect(exchange, "http://169.254.169.254/latest/"));
        server.createContext("/to-file", exchange -> redirect(exchange, "file:///etc/passwd"));
        server.createContext("/loop", exchange -> redirect(exchange, "/loop"));
        server.createContext("/hop", exchange -> redirect(exchange, "/photo"));
        server.start();
        base = "http://127.0.0.1:" + port();
        fetcher = new MediaFetcher(new OutboundGuard("127.0.0.1:" + port()), 1024);
    }

    @AfterEach
    void stop() throws IOException {
        fetcher.close();
        server.stop(0);
    }

    @Test
    void fetchesAllowedMediaAndTrustsTheBytesOverTheHeader() {
        MediaFetcher.Fetched fetched = fetcher.fetch(base + "/photo");

        assertThat(fetched.bytes()).isEqualTo(PNG);
        assertThat(fetched.mimetype()).isEqualTo("image/png");
        assertThat(fetched.filename()).isEqualTo("photo");
    }

    @Test
    void followsARedirectThatStaysAllowed() {
        assertThat(fetcher.fetch(base + "/hop").bytes()).isEqualTo(PNG);
    }

    @Test
    void reChecksEveryRedirect() {
        assertThatThrownBy(() -> fetcher.fetch(base + "/to-loopback"))
                .isInstanceOf(OutboundGuard.BlockedUrlException.class);
        assertThatThrownBy(() -> fetcher.fetch(base + "/to-metadata"))
                .isInstanceOf(OutboundGuard.BlockedUrlException.class);
        assertThatThrownBy(() -> fetcher.fetch(base + "/to-file"))
                .isInstanceOf(OutboundGuard.BlockedUrlException.class);
        assertThatThrownBy(() -> fetcher.fetch(base + "/loop"))
                .isInstanceOf(MediaFetcher.FetchException.class)
                .hasMessageContaining("redirected more than");
    }

    @Test
    void refusesMediaOverTheLimit() {
        assertThatThrownBy(() -> fetcher.fetch(base + "/big"))
                .isInstanceOf(MediaFetcher.FetchException.class)
                .extracting(e -> ((MediaFetcher.FetchException) e).code())
                .isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void refusesTheSameServerOnAPortThatIsNotAllowed() {
        MediaFetcher strict = new MediaFetcher(new OutboundGuard(""), 1024);
        assertThatThrownBy(() -> strict.fetch(base + "/photo")).isInstanceOf(OutboundGuard.BlockedUrlException.class);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }
}
