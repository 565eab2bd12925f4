package io.wamonitor.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A real HTTP webhook receiver for tests: records what it is sent, and can play dead (answering 503). */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Received> refused = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile Function<Received, Integer> refusal = request -> 200;

    /** A request as it arrived, with the moment it arrived. */
    public record Received(byte[] body, Map<String, List<String>> headers, Instant at) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
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
            Received request = new Received(body, Map.copyOf(exchange.getRequestHeaders()), Instant.now());
            int status = down ? 503 : refusal.apply(request);
            if (status / 100 == 2) {
                received.add(request);
                exchange.sendResponseHeaders(status, -1);
            } else {
                if (!down) {
                    refused.add(request);
                }
                byte[] answer = ("refused with " + status).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
            }
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

    /**
     * Answers each request with the status {@code answer} gives (a 2xx takes it; anything else refuses it with
     * a short text body), e.g. a 400 for one payload the receiver cannot parse.
     */
    public void answer(Function<Received, Integer> answer) {
        refusal = answer;
    }

    /** Requests answered with something other than a 2xx (by {@link #answer}; not those refused while down). */
    public List<Received> refused() {
        return List.copyOf(refused);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<JsonNode> messages() {
        return received.stream()
                .map(Received::json)
                .filter(j -> "message".equals(j.path("event").asText()))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
