package io.wamonitor.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamonitor.gateway.AbstractGatewayIT;
import io.wamonitor.testkit.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemResponsesIT extends AbstractGatewayIT {

    static Stream<Arguments> invalidCreateBodies() {
        return Stream.of(
                Arguments.of("{}", "name"),
                Arguments.of("{\"name\":\"\"}", "name"),
                Arguments.of("{\"name\":\"   \"}", "name"),
                Arguments.of("{\"name\":\"" + "x".repeat(101) + "\"}", "name"),
                Arguments.of("{\"name\":\"tab\\there\"}", "name"),
                Arguments.of("{\"name\":123}", "name"),
                Arguments.of("{\"name\":true}", "name"),
                Arguments.of("{\"name\":[\"a\"]}", "name"),
                Arguments.of("{\"name\":\"ok\",\"webhook_url\":\"not a url\"}", "webhook_url"),
                Arguments.of("{\"name\":\"ok\",\"webhook_url\":\"ftp://files.example.com/x\"}", "webhook_url"),
                Arguments.of("{\"name\":\"ok\",\"webhook_url\":\"/relative/path\"}", "webhook_url"),
                Arguments.of("{\"name\":\"ok\",\"webhook_url\":\"https://user:pw@example.com/\"}", "webhook_url"),
                Arguments.of(
                        "{\"name\":\"ok\",\"webhook_url\":\"https://example.com/" + "a".repeat(2100) + "\"}",
                        "webhook_url"),
                Arguments.of("{\"name\":\"ok\",\"webhook_url\":42}", "webhook_url"));
    }

    @ParameterizedTest
    @MethodSource("invalidCreateBodies")
    void invalidCreateIsRejectedNamingTheBadField(String body, String field) {
        ApiClient.Response response = api.post("/api/accounts", body);

        assertProblem(response, 400, "VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactly(field);
        assertThat(api.get("/api/accounts").json()).as("nothing was created").isEmpty();
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        ApiClient.Response response = api.post("/api/accounts", "{\"name\":\"\",\"webhook_url\":\"nope\"}");

        assertProblem(response, 400, "VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("name", "webhook_url");
    }

    @ParameterizedTest
    @MethodSource("malformedBodies")
    void unparsableBodyIsMalformed(String body) {
        assertProblem(api.post("/api/accounts", body), 400, "MALFORMED_REQUEST");
    }

    static Stream<String> malformedBodies() {
        return Stream.of(
                "",
                "{",
                "{\"name\":",
                "not json",
                "[]",
                "null",
                "\"a string\"",
                "{\"name\":\"a\"} trailing",
                "{\"name\":\"a\",}",
                "[".repeat(5000) + "]".repeat(5000));
    }

    @Test
    void wrongContentTypeIsMalformed() {
        assertProblem(
                api.send("POST", "/api/accounts", "name=x", "application/x-www-form-urlencoded", Map.of()),
                400,
                "MALFORMED_REQUEST");
        assertProblem(
                api.send("POST", "/api/accounts", "{\"name\":\"x\"}", "text/plain", Map.of()),
                400,
                "MALFORMED_REQUEST");
        assertProblem(api.send("POST", "/api/accounts", "{\"name\":\"x\"}", null, Map.of()), 400, "MALFORMED_REQUEST");
    }

    @ParameterizedTest
    @MethodSource("unknownAccountIds")
    void unknownOrInvalidAccountIdIsNotFound(String id) {
        assertProblem(api.get("/api/accounts/" + id), 404, "ACCOUNT_NOT_FOUND");
        assertProblem(api.put("/api/accounts/" + id + "/webhook", "{\"webhook_url\":null}"), 404, "ACCOUNT_NOT_FOUND");
        assertProblem(api.delete("/api/accounts/" + id), 404, "ACCOUNT_NOT_FOUND");
    }

    static Stream<String> unknownAccountIds() {
        return Stream.of(
                "3f0c2b9e-8a7d-4c6b-9e5f-1a2b3c4d5e6f",
                "not-a-uuid",
                "1",
                "x".repeat(300),
                "3f0c2b9e8a7d4c6b9e5f1a2b3c4d5e6f",
                "%E2%98%83");
    }

    @Test
    void webhookUpdateNeedsTheFieldAndAValidUrl() {
        String id = api.post("/api/accounts", "{\"name\":\"Hooked\"}").text("id");

        assertProblem(api.put("/api/accounts/" + id + "/webhook", "{}"), 400, "VALIDATION_FAILED");
        assertProblem(
                api.put("/api/accounts/" + id + "/webhook", "{\"webhook_url\":\"javascript:alert(1)\"}"),
                400,
                "VALIDATION_FAILED");
        assertProblem(api.put("/api/accounts/" + id + "/webhook", "{\"webhook_url\":"), 400, "MALFORMED_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/x.png",
                "http://10.0.0.7/x.png",
                "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/x",
                "http://localhost:8001/api",
                "file:///etc/passwd"
            })
    void mediaUrlsIntoThePrivateNetworkAreRefused(String url) {
        String id = api.post("/api/accounts", "{\"name\":\"Sender\"}").text("id");

        ApiClient.Response response = api.post(
                "/api/accounts/" + id + "/messages/send", "{\"to\":\"15550002222\",\"media_url\":\"" + url + "\"}");

        assertProblem(response, 400, "OUTBOUND_URL_BLOCKED");
        assertThat(support.takeCommands()).noneMatch(c -> c.type().equals("message.send.v1"));
    }

    @Test
    void webhookUrlsPointingAtThePrivateNetworkAreRefused() {
        assertProblem(
                api.post("/api/accounts", "{\"name\":\"x\",\"webhook_url\":\"http://127.0.0.1:8001/api\"}"),
                400,
                "OUTBOUND_URL_BLOCKED");
        assertProblem(
                api.post("/api/accounts", "{\"name\":\"x\",\"webhook_url\":\"http://169.254.169.254/\"}"),
                400,
                "OUTBOUND_URL_BLOCKED");
        assertThat(api.get("/api/accounts").json()).isEmpty();
    }

    @Test
    void sendingFromAnAccountThatIsNotReadyIsAConflict() {
        String id = api.post("/api/accounts", "{\"name\":\"Sender\"}").text("id");

        assertProblem(
                api.post("/api/accounts/" + id + "/messages/send", "{\"to\":\"15550002222\",\"message\":\"hi\"}"),
                409,
                "ACCOUNT_NOT_READY");
        assertProblem(
                api.post("/api/accounts/" + id + "/messages/send", "{\"to\":\"not a number\",\"message\":\"hi\"}"),
                400,
                "VALIDATION_FAILED");
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";

        assertProblem(api.post("/api/accounts", huge), 413, "PAYLOAD_TOO_LARGE");
        assertThat(api.get("/api/accounts").json()).isEmpty();
    }

    @Test
    void answersCarrySecurityHeaders() {
        ApiClient.Response response = api.get("/api/accounts");

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        assertProblem(api.get("/api/nothing-here"), 404, "NOT_FOUND");
        assertProblem(
                api.send("PATCH", "/api/accounts", "{}", "application/json", Map.of()), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void problemsNeverCarryStackTracesOrJavaNames() {
        for (ApiClient.Response response : List.of(
                api.post("/api/accounts", "{\"name\":123}"),
                api.post("/api/accounts", "{"),
                api.get("/api/accounts/zzz"))) {
            assertThat(response.body()).doesNotContain("Exception", "at io.", "at org.", "java.");
        }
    }

    private static void assertProblem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
    }
}
