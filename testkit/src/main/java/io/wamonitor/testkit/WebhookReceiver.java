package io.wamonitor.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP webhook receiver for tests: records what it is sent, and can play dead (answering 503). */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    /** A request as it arrived, with the moment it arrived. */
    public record Received(byte[] body, Map<String, List<String>> headers, java.time.Instant at) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = down ? 503 : 200;
            if (!down) {
                received.add(new Received(body, Map.copyOf(exchange.getRequestHeaders()), java.time.Instant.now()));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void down(boolean isDown) {
        down = isDown;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<JsonNode> messages() {
        return received.stream().map(Received::json).filter(j -> "message".equals(j.path("event").asText())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
