package io.wamonitor.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for driving the gateway's public API from tests, as an integrator would. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The API key every test gateway is configured with (API_KEYS). */
    public static final String TEST_API_KEY = "wam_test_key_0123456789abcdef";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String apiKey;

    public ApiClient(String base, String apiKey) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.apiKey = apiKey;
    }

    /** A client that sends {@link #TEST_API_KEY}, as an integrator would send theirs. */
    public static ApiClient onPort(int port) {
        return new ApiClient("http://127.0.0.1:" + port, TEST_API_KEY);
    }

    /** Where the client sends its requests, e.g. {@code http://127.0.0.1:8001}. */
    public String baseUrl() {
        return base;
    }

    public ApiClient withApiKey(String key) {
        return new ApiClient(base, key);
    }

    public Response get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    public Response post(String path, String json) {
        return send("POST", path, json, "application/json", Map.of());
    }

    public Response put(String path, String json) {
        return send("PUT", path, json, "application/json", Map.of());
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null, Map.of());
    }

    public Response send(String method, String path, String body, String contentType, Map<String, String> headers) {
        return sendBytes(
                method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType, headers);
    }

    /** Sends exactly these bytes as the body (for bodies that are not valid UTF-8 text). */
    public Response sendBytes(
            String method, String path, byte[] body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (apiKey != null && !headers.containsKey("X-Api-Key") && !headers.containsKey("Authorization")) {
            request.header("X-Api-Key", apiKey);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public String text(String field) {
            return json().path(field).asText(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
