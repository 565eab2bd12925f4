package io.wamonitor.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.event.AccountStatusChanged;
import io.wamonitor.gateway.AbstractGatewayIT;
import io.wamonitor.gateway.GatewayTestSupport;
import io.wamonitor.testkit.ApiClient;
import io.wamonitor.testkit.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Hundreds of malformed requests across every endpoint, each of which must get a 4xx problem with the stable
 * code an integrator can program against, and none of which may change anything: afterwards the gateway is
 * healthy, the one account is exactly as it was, and no command went to the worker.
 */
class BadInputIT extends AbstractGatewayIT {

    private static final String JSON = "application/json";
    private static final Set<String> STABLE_CODES = Set.of(
            "VALIDATION_FAILED",
            "MALFORMED_REQUEST",
            "ACCOUNT_NOT_FOUND",
            "NOT_FOUND",
            "METHOD_NOT_ALLOWED",
            "NOT_ACCEPTABLE",
            "PAYLOAD_TOO_LARGE",
            "OUTBOUND_URL_BLOCKED",
            "DELIVERY_NOT_FOUND",
            "MESSAGE_NOT_FOUND",
            "MEDIA_URL_INVALID",
            "UNAUTHORIZED",
            "RATE_LIMITED");

    private record Case(String name, Supplier<Answer> call, int status, String code) {}

    private record Answer(int status, String contentType, String body) {}

    private final List<Case> cases = new ArrayList<>();
    private String id;
    private JsonNode keeperBefore;

    @TestFactory
    Stream<DynamicTest> everyMalformedRequestGetsAProblemAndChangesNothing() {
        createReadyKeeper();
        idsThatNameNoAccount();
        pathsTheContainerRefuses();
        createBodies();
        webhookUpdates();
        sends();
        sessionRequests();
        deliveriesAndMessages();
        mediaUrls();
        methodsAndHeaders();
        rawProtocolErrors();
        assertThat(cases).as("the corpus").hasSizeGreaterThanOrEqualTo(200);

        Stream<DynamicTest> each = cases.stream()
                .map(c -> dynamicTest(c.name(), () -> {
                    Answer answer = c.call().get();
                    assertThat(answer.status())
                            .as(c.name() + " -> " + answer.body())
                            .isEqualTo(c.status());
                    assertThat(answer.contentType()).as(c.name()).startsWith("application/problem+json");
                    JsonNode problem = JSON_READER.readTree(answer.body());
                    assertThat(problem.path("code").asText())
                            .as(c.name() + " -> " + answer.body())
                            .isEqualTo(c.code());
                    assertThat(STABLE_CODES).contains(c.code());
                    assertThat(problem.path("status").asInt()).isEqualTo(c.status());
                    assertThat(problem.path("title").asText()).isNotBlank();
                    assertThat(problem.path("type").asText()).startsWith("https://wamonitor.io/problems/");
                    assertThat(answer.body())
                            .doesNotContain(
                                    "Exception", "\tat ", "org.springframework", "java.lang", ApiClient.TEST_API_KEY);
                }));
        return Stream.concat(
                each,
                Stream.of(dynamicTest("afterwards the gateway is healthy and nothing changed", this::nothingChanged)));
    }

    /** Strict: a problem followed by anything else (an echo of the request, say) is not a problem answer. */
    private static final ObjectMapper JSON_READER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private void createReadyKeeper() {
        ApiClient.Response created = api.post(
                "/api/accounts",
                "{\"name\":\"Keeper \u2713 \u0627\u0644\u062f\u0639\u0645 \ud83d\udc69\u200d\ud83d\udcbb\","
                        + "\"webhook_url\":\"https://hooks.example.com/in\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        id = created.text("id");
        support.publishEvent(
                UUID.fromString(id),
                new AccountStatusChanged(AccountStatus.READY, null, GatewayTestSupport.WORKER, "15550001111"),
                Instant.now());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "READY".equals(api.get("/api/accounts/" + id).text("status")));
        keeperBefore = api.get("/api/accounts/" + id).json();
    }

    private void nothingChanged() {
        assertThat(api.get("/actuator/health").json().path("status").asText()).isEqualTo("UP");
        JsonNode all = api.get("/api/accounts").json();
        assertThat(all).hasSize(1);
        assertThat(all.get(0)).isEqualTo(keeperBefore);
        assertThat(api.get("/api/accounts/" + id + "/webhook-deliveries").json())
                .isEmpty();
        List<String> commands =
                support.takeCommands().stream().map(Envelope::type).toList();
        assertThat(commands)
                .as("only the keeper's own start reached the worker")
                .containsExactly("session.start.v1");
    }

    // --- the corpus ---

    private void idsThatNameNoAccount() {
        List<String> ids = List.of(
                UUID.randomUUID().toString(),
                "not-a-uuid",
                "1",
                "x".repeat(300),
                UUID.randomUUID().toString().replace("-", ""),
                "%E2%98%83",
                "%7B%22%24gt%22%3A%22%22%7D",
                "'%20OR%20'1'%3D'1",
                "null");
        for (String bad : ids) {
            String label = bad.length() > 20 ? bad.substring(0, 20) + "..." : bad;
            String base = "/api/accounts/" + bad;
            expect(404, "ACCOUNT_NOT_FOUND", "GET account " + label, () -> get(base));
            expect(404, "ACCOUNT_NOT_FOUND", "DELETE account " + label, () -> call("DELETE", base, null, null));
            expect(
                    404,
                    "ACCOUNT_NOT_FOUND",
                    "PUT webhook of " + label,
                    () -> call("PUT", base + "/webhook", "{\"webhook_url\":null}", JSON));
            expect(
                    404,
                    "ACCOUNT_NOT_FOUND",
                    "rotate secret of " + label,
                    () -> call("POST", base + "/webhook-secret", null, null));
            expect(404, "ACCOUNT_NOT_FOUND", "QR of " + label, () -> get(base + "/qr"));
            expect(
                    404,
                    "ACCOUNT_NOT_FOUND",
                    "pairing code of " + label,
                    () -> call("POST", base + "/pairing-code", "{\"phone\":\"15550001111\"}", JSON));
            expect(404, "ACCOUNT_NOT_FOUND", "snapshot of " + label, () -> get(base + "/snapshot"));
            expect(404, "ACCOUNT_NOT_FOUND", "logout of " + label, () -> call("POST", base + "/logout", null, null));
            expect(404, "ACCOUNT_NOT_FOUND", "restart of " + label, () -> call("POST", base + "/restart", null, null));
            expect(
                    404,
                    "ACCOUNT_NOT_FOUND",
                    "send from " + label,
                    () -> call("POST", base + "/messages/send", "{\"to\":\"15550002222\",\"message\":\"hi\"}", JSON));
            expect(404, "ACCOUNT_NOT_FOUND", "message status of " + label, () -> get(base + "/messages/abc"));
            expect(404, "ACCOUNT_NOT_FOUND", "deliveries of " + label, () -> get(base + "/webhook-deliveries"));
            expect(
                    404,
                    "ACCOUNT_NOT_FOUND",
                    "redeliver for " + label,
                    () -> call("POST", base + "/webhook-deliveries/abc/redeliver", null, null));
        }
    }

    private void pathsTheContainerRefuses() {
        String key = "X-Api-Key: " + ApiClient.TEST_API_KEY + "\r\n";
        for (String bad : List.of("%00", "%2F", "%ZZ", "..%5c", "%C0%AF", "%u0000", "%")) {
            raw(
                    "account id " + bad,
                    "127.0.0.2",
                    "GET /api/accounts/" + bad + " HTTP/1.1\r\nHost: x\r\n" + key + "Connection: close\r\n\r\n",
                    400,
                    "MALFORMED_REQUEST");
            String body = "{\"to\":\"15550002222\",\"message\":\"hi\"}";
            raw(
                    "send path with " + bad,
                    "127.0.0.2",
                    "POST /api/accounts/" + bad + "/messages/send HTTP/1.1\r\n"
                            + "Host: x\r\n" + key + "Content-Type: application/json\r\nContent-Length: " + body.length()
                            + "\r\nConnection: close\r\n\r\n" + body,
                    400,
                    "MALFORMED_REQUEST");
        }
    }

    private void createBodies() {
        String path = "/api/accounts";
        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put("no fields", "{}");
        invalid.put("only a webhook", "{\"webhook_url\":\"https://hooks.example.com/x\"}");
        invalid.put("null name", "{\"name\":null}");
        invalid.put("empty name", "{\"name\":\"\"}");
        invalid.put("blank name", "{\"name\":\" \\t \"}");
        invalid.put("number name", "{\"name\":123}");
        invalid.put("float name", "{\"name\":1.5}");
        invalid.put("boolean name", "{\"name\":false}");
        invalid.put("array name", "{\"name\":[\"a\"]}");
        invalid.put("object name", "{\"name\":{\"first\":\"a\"}}");
        invalid.put("101-character name", "{\"name\":\"" + "n".repeat(101) + "\"}");
        invalid.put("10000-character name", "{\"name\":\"" + "n".repeat(10_000) + "\"}");
        invalid.put("NUL in name", "{\"name\":\"a\\u0000b\"}");
        invalid.put("bell in name", "{\"name\":\"a\\u0007b\"}");
        invalid.put("newline in name", "{\"name\":\"a\\nb\"}");
        invalid.put("ANSI escape in name", "{\"name\":\"\\u001b[31mred\"}");
        invalid.put("DEL in name", "{\"name\":\"a\\u007fb\"}");
        invalid.put("C1 control in name", "{\"name\":\"a\\u0085b\"}");
        invalid.put("right-to-left override in name", "{\"name\":\"invoice\\u202egpj.exe\"}");
        invalid.put("bidi isolate in name", "{\"name\":\"a\\u2066b\"}");
        invalid.put("lone high surrogate in name", "{\"name\":\"a\\ud800b\"}");
        invalid.put("lone low surrogate in name", "{\"name\":\"a\\udc00\"}");
        invalid.put("byte order mark in name", "{\"name\":\"\\ufeffadmin\"}");
        invalid.put("noncharacter in name", "{\"name\":\"a\\uffff\"}");
        invalid.put("webhook not a URL", "{\"name\":\"ok\",\"webhook_url\":\"not a url\"}");
        invalid.put("webhook ftp", "{\"name\":\"ok\",\"webhook_url\":\"ftp://files.example.com/x\"}");
        invalid.put("webhook javascript", "{\"name\":\"ok\",\"webhook_url\":\"javascript:alert(1)\"}");
        invalid.put("webhook relative", "{\"name\":\"ok\",\"webhook_url\":\"/hook\"}");
        invalid.put("webhook with credentials", "{\"name\":\"ok\",\"webhook_url\":\"https://u:p@example.com/\"}");
        invalid.put("webhook with space", "{\"name\":\"ok\",\"webhook_url\":\"https://example.com/a b\"}");
        invalid.put("webhook with newline", "{\"name\":\"ok\",\"webhook_url\":\"https://example.com/\\r\\nX: y\"}");
        invalid.put(
                "webhook 3000 characters",
                "{\"name\":\"ok\",\"webhook_url\":\"https://example.com/" + "a".repeat(3000) + "\"}");
        invalid.put("webhook number", "{\"name\":\"ok\",\"webhook_url\":42}");
        invalid.put("webhook array", "{\"name\":\"ok\",\"webhook_url\":[\"https://example.com\"]}");
        invalid.put("webhook events a string", "{\"name\":\"ok\",\"webhook_events\":\"message\"}");
        invalid.put("webhook events unknown", "{\"name\":\"ok\",\"webhook_events\":[\"everything\"]}");
        invalid.put("webhook events numbers", "{\"name\":\"ok\",\"webhook_events\":[1]}");
        invalid.put("webhook events null item", "{\"name\":\"ok\",\"webhook_events\":[null]}");
        invalid.put("webhook events object", "{\"name\":\"ok\",\"webhook_events\":{\"message\":true}}");
        invalid.forEach((label, body) ->
                expect(400, "VALIDATION_FAILED", "create: " + label, () -> call("POST", path, body, JSON)));

        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("empty body", "");
        malformed.put("whitespace body", "  \n ");
        malformed.put("truncated string", "{\"name\":\"abc");
        malformed.put("truncated after key", "{\"name\"");
        malformed.put("truncated key", "{\"na");
        malformed.put("lone brace", "{");
        malformed.put("trailing comma", "{\"name\":\"a\",}");
        malformed.put("extra closing brace", "{\"name\":\"a\"}}");
        malformed.put("two documents", "{\"name\":\"a\"}{\"name\":\"b\"}");
        malformed.put("trailing garbage", "{\"name\":\"a\"} x");
        malformed.put("single quotes", "{'name':'a'}");
        malformed.put("unquoted key", "{name:\"a\"}");
        malformed.put("comment", "/* hi */{\"name\":\"a\"}");
        malformed.put("NaN value", "{\"name\":NaN}");
        malformed.put("bad escape", "{\"name\":\"\\x41\"}");
        malformed.put("raw newline in string", "{\"name\":\"a\nb\"}");
        malformed.put("duplicate key", "{\"name\":\"a\",\"name\":\"b\"}");
        malformed.put("array body", "[{\"name\":\"a\"}]");
        malformed.put("string body", "\"a\"");
        malformed.put("number body", "42");
        malformed.put("null body", "null");
        malformed.put("not JSON", "name=a");
        malformed.put("XML", "<account><name>a</name></account>");
        malformed.put("nested 100 deep", "{\"name\":" + "[".repeat(100) + "]".repeat(100) + "}");
        malformed.put("nested 5000 deep arrays", "[".repeat(5000) + "]".repeat(5000));
        malformed.put("nested 5000 deep objects", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000));
        malformed.forEach((label, body) -> expect(
                400,
                label.equals("nested 100 deep") ? "VALIDATION_FAILED" : "MALFORMED_REQUEST",
                "create: " + label,
                () -> call("POST", path, body, JSON)));

        Map<String, byte[]> badBytes = new LinkedHashMap<>();
        badBytes.put(
                "invalid UTF-8", new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, '(', '"', '}'});
        badBytes.put(
                "overlong UTF-8 slash",
                new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'});
        badBytes.put("0xFF byte", new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, '"', '}'});
        badBytes.put("NUL bytes", new byte[] {0, 0, 0, 0});
        badBytes.forEach((label, body) ->
                expect(400, "MALFORMED_REQUEST", "create: " + label, () -> callBytes("POST", path, body, JSON)));

        for (String type : List.of(
                "text/plain",
                "application/x-www-form-urlencoded",
                "application/xml",
                "multipart/form-data; boundary=x",
                "application/jsonx",
                "image/png")) {
            expect(400, "MALFORMED_REQUEST", "create as " + type, () -> call("POST", path, "{\"name\":\"a\"}", type));
        }
        expect(
                400,
                "MALFORMED_REQUEST",
                "create without a content type",
                () -> call("POST", path, "{\"name\":\"a\"}", null));
        expect(
                413,
                "PAYLOAD_TOO_LARGE",
                "create with a 1.1 MB body",
                () -> call("POST", path, "{\"name\":\"" + "x".repeat(1_100_000) + "\"}", JSON));
    }

    private void webhookUpdates() {
        String path = "/api/accounts/" + id + "/webhook";
        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put("no field", "{}");
        invalid.put("other field only", "{\"url\":\"https://example.com\"}");
        invalid.put("number", "{\"webhook_url\":1}");
        invalid.put("boolean", "{\"webhook_url\":true}");
        invalid.put("object", "{\"webhook_url\":{}}");
        invalid.put("javascript URL", "{\"webhook_url\":\"javascript:alert(1)\"}");
        invalid.put("data URL", "{\"webhook_url\":\"data:text/plain,hi\"}");
        invalid.put("file URL", "{\"webhook_url\":\"file:///etc/passwd\"}");
        invalid.put("gopher URL", "{\"webhook_url\":\"gopher://example.com/\"}");
        invalid.put("no host", "{\"webhook_url\":\"https:///path\"}");
        invalid.put("hex IP host", "{\"webhook_url\":\"http://0x7f.0.0.1/\"}");
        invalid.put("short IP host", "{\"webhook_url\":\"http://127.1/\"}");
        invalid.put("tab in URL", "{\"webhook_url\":\"https://example.com/\\tx\"}");
        invalid.put("huge URL", "{\"webhook_url\":\"https://example.com/?" + "q".repeat(5000) + "\"}");
        invalid.put("events not a list", "{\"webhook_url\":null,\"webhook_events\":\"qr\"}");
        invalid.put("unknown event", "{\"webhook_url\":null,\"webhook_events\":[\"messages\"]}");
        invalid.forEach((label, body) ->
                expect(400, "VALIDATION_FAILED", "webhook: " + label, () -> call("PUT", path, body, JSON)));

        for (String target : List.of(
                "http://127.0.0.1/hook",
                "http://127.1.2.3:8080/",
                "http://localhost/hook",
                "http://api.localhost/",
                "http://0.0.0.0/",
                "http://10.0.0.5/",
                "http://172.16.3.4/",
                "http://192.168.1.10/",
                "http://100.64.0.1/",
                "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://[fd00::1]/",
                "http://[fe80::1]/",
                "http://2130706433/",
                "http://017700000001/")) {
            expect(
                    400,
                    "OUTBOUND_URL_BLOCKED",
                    "webhook to " + target,
                    () -> call("PUT", path, "{\"webhook_url\":\"" + target + "\"}", JSON));
        }
        expect(400, "MALFORMED_REQUEST", "webhook: truncated", () -> call("PUT", path, "{\"webhook_url\":", JSON));
        expect(
                400,
                "MALFORMED_REQUEST",
                "webhook: as text",
                () -> call("PUT", path, "https://example.com", "text/plain"));
        expect(405, "METHOD_NOT_ALLOWED", "webhook: POST", () -> call("POST", path, "{\"webhook_url\":null}", JSON));
        expect(405, "METHOD_NOT_ALLOWED", "webhook: GET", () -> get(path));
    }

    private void sends() {
        String path = "/api/accounts/" + id + "/messages/send";
        String png =
                Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put("no fields", "{}");
        invalid.put("no recipient", "{\"message\":\"hi\"}");
        invalid.put("no content", "{\"to\":\"15550002222\"}");
        invalid.put("empty message", "{\"to\":\"15550002222\",\"message\":\"\"}");
        invalid.put("blank message", "{\"to\":\"15550002222\",\"message\":\"  \\n \"}");
        invalid.put("number recipient", "{\"to\":15550002222,\"message\":\"hi\"}");
        invalid.put("array recipient", "{\"to\":[\"15550002222\"],\"message\":\"hi\"}");
        invalid.put("object message", "{\"to\":\"15550002222\",\"message\":{\"text\":\"hi\"}}");
        invalid.put("number message", "{\"to\":\"15550002222\",\"message\":5}");
        for (String to : List.of(
                "abc",
                "123",
                "+",
                "",
                "1234567890123456789",
                "+1 555 CALL NOW",
                "(555) 000-22x2",
                "12345@lid",
                "abc@lid",
                "1555000222a",
                "15550002222@s.whatsapp.net",
                "1555@c.us",
                "@g.us",
                "15550002222@c.us ",
                "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668",
                "\uff11\uff15\uff15\uff15\uff10\uff10\uff10\uff12",
                "15550002222\\u0000",
                "../../etc/passwd",
                "15550002222@c.us@g.us",
                "status@broadcast")) {
            invalid.put("recipient '" + to + "'", "{\"to\":\"" + to + "\",\"message\":\"hi\"}");
        }
        invalid.put("70000-character message", "{\"to\":\"15550002222\",\"message\":\"" + "m".repeat(70_000) + "\"}");
        invalid.put("NUL in message", "{\"to\":\"15550002222\",\"message\":\"a\\u0000b\"}");
        invalid.put("escape in message", "{\"to\":\"15550002222\",\"message\":\"\\u001b[2J\"}");
        invalid.put("lone surrogate in message", "{\"to\":\"15550002222\",\"message\":\"a\\ud83d\"}");
        invalid.put(
                "5000-character caption",
                "{\"to\":\"15550002222\",\"media\":{\"data\":\"" + png + "\",\"mimetype\":\"image/png\"},\"caption\":\""
                        + "c".repeat(5000) + "\"}");
        invalid.put(
                "media and media_url",
                "{\"to\":\"15550002222\",\"media_url\":\"https://example.com/a.png\"," + "\"media\":{\"data\":\"" + png
                        + "\",\"mimetype\":\"image/png\"}}");
        invalid.put("empty media", "{\"to\":\"15550002222\",\"media\":{}}");
        invalid.put("media a string", "{\"to\":\"15550002222\",\"media\":\"" + png + "\"}");
        invalid.put("media without type", "{\"to\":\"15550002222\",\"media\":{\"data\":\"" + png + "\"}}");
        invalid.put("media without data", "{\"to\":\"15550002222\",\"media\":{\"mimetype\":\"image/png\"}}");
        for (String data : List.of(
                "!!!!", "a", "iVBORw0KGgo=====", "data:image/png;base64," + png, "aGk=\naGk=", "\u00e9t\u00e9")) {
            invalid.put(
                    "media data '" + data.substring(0, Math.min(12, data.length())) + "'",
                    "{\"to\":\"15550002222\",\"media\":{\"data\":\"" + data.replace("\n", "\\n")
                            + "\",\"mimetype\":\"image/png\"}}");
        }
        invalid.put(
                "media data empty", "{\"to\":\"15550002222\",\"media\":{\"data\":\"\",\"mimetype\":\"image/png\"}}");
        for (String type : List.of(
                "image", "", "../../etc/passwd", "text/html\\r\\nX-Injected: 1", "image/png;x=\\u0000", "*/*")) {
            invalid.put(
                    "media type '" + type + "'",
                    "{\"to\":\"15550002222\",\"media\":{\"data\":\"" + png + "\",\"mimetype\":\"" + type + "\"}}");
        }
        invalid.put(
                "300-character file name",
                "{\"to\":\"15550002222\",\"media\":{\"data\":\"" + png + "\",\"mimetype\":\"image/png\",\"filename\":\""
                        + "f".repeat(300) + "\"}}");
        invalid.put(
                "media_url 3000 characters",
                "{\"to\":\"15550002222\",\"media_url\":\"https://example.com/" + "u".repeat(3000) + "\"}");
        invalid.forEach((label, body) ->
                expect(400, "VALIDATION_FAILED", "send: " + label, () -> call("POST", path, body, JSON)));

        for (String url : List.of(
                "not a url",
                "ftp://example.com/a.png",
                "file:///etc/passwd",
                "gopher://x/",
                "http://127.0.0.1/a.png",
                "http://[::1]/a.png",
                "http://169.254.169.254/latest/",
                "http://metadata.google.internal.localhost/",
                "http://10.1.1.1/a.png",
                "https://user:pw@example.com/a.png",
                "//example.com/a.png")) {
            expect(
                    400,
                    "OUTBOUND_URL_BLOCKED",
                    "send media from " + url,
                    () -> call("POST", path, "{\"to\":\"15550002222\",\"media_url\":\"" + url + "\"}", JSON));
        }
        for (String key : List.of(" ", "k".repeat(300), "two words")) {
            expect(
                    400,
                    "VALIDATION_FAILED",
                    "send with Idempotency-Key '" + key.substring(0, Math.min(10, key.length())) + "'",
                    () -> call(
                            "POST",
                            path,
                            "{\"to\":\"15550002222\",\"message\":\"hi\"}",
                            JSON,
                            Map.of("Idempotency-Key", key)));
        }
        expect(400, "MALFORMED_REQUEST", "send: truncated", () -> call("POST", path, "{\"to\":\"1555", JSON));
        expect(
                400,
                "MALFORMED_REQUEST",
                "send: form encoded",
                () -> call("POST", path, "to=15550002222&message=hi", "application/x-www-form-urlencoded"));
        expect(
                413,
                "PAYLOAD_TOO_LARGE",
                "send: media over the body limit",
                () -> call(
                        "POST",
                        path,
                        "{\"to\":\"15550002222\",\"media\":{\"data\":\"" + "A".repeat(1_200_000)
                                + "\",\"mimetype\":\"image/png\"}}",
                        JSON));
        expect(404, "MESSAGE_NOT_FOUND", "send: GET (reads as the status of a message called send)", () -> get(path));
        expect(405, "METHOD_NOT_ALLOWED", "send: PUT", () -> call("PUT", path, "{}", JSON));
    }

    private void sessionRequests() {
        String base = "/api/accounts/" + id;
        for (String phone : List.of(
                "",
                "abc",
                "1",
                "+",
                "123456",
                "1234567890123456789",
                "+1 (555) 000-111122334",
                "\u0661\u0662\u0663\u0664\u0665\u0666\u0667",
                "15550001111; DROP")) {
            expect(
                    400,
                    "VALIDATION_FAILED",
                    "pairing code for '" + phone + "'",
                    () -> call("POST", base + "/pairing-code", "{\"phone\":\"" + phone + "\"}", JSON));
        }
        expect(
                400,
                "VALIDATION_FAILED",
                "pairing code without phone",
                () -> call("POST", base + "/pairing-code", "{}", JSON));
        expect(
                400,
                "VALIDATION_FAILED",
                "pairing code number phone",
                () -> call("POST", base + "/pairing-code", "{\"phone\":15550001111}", JSON));
        expect(
                400,
                "MALFORMED_REQUEST",
                "pairing code without body",
                () -> call("POST", base + "/pairing-code", null, JSON));
        for (String query : List.of(
                "format=gif",
                "format=%20png",
                "format=PNG",
                "quality=abc",
                "quality=0",
                "format=jpeg&quality=101",
                "format=jpeg&quality=-1",
                "format=png&quality=50",
                "format=jpeg&quality=1e3",
                "format=jpeg&quality=99999999999")) {
            expect(400, "VALIDATION_FAILED", "snapshot ?" + query, () -> get(base + "/snapshot?" + query));
        }
        expect(400, "VALIDATION_FAILED", "QR ?format=svg", () -> get(base + "/qr?format=svg"));
        expect(405, "METHOD_NOT_ALLOWED", "logout: GET", () -> get(base + "/logout"));
        expect(405, "METHOD_NOT_ALLOWED", "snapshot: POST", () -> call("POST", base + "/snapshot", "{}", JSON));
    }

    private void deliveriesAndMessages() {
        String base = "/api/accounts/" + id;
        for (String query : List.of(
                "status=bogus",
                "status=",
                "limit=0",
                "limit=1001",
                "limit=abc",
                "limit=-5",
                "limit=99999999999",
                "status=DELIVERED&limit=x")) {
            expect(400, "VALIDATION_FAILED", "deliveries ?" + query, () -> get(base + "/webhook-deliveries?" + query));
        }
        for (String delivery : List.of(
                "abc",
                "x".repeat(300),
                "%7B%22%24ne%22%3Anull%7D",
                UUID.randomUUID().toString())) {
            expect(
                    404,
                    "DELIVERY_NOT_FOUND",
                    "redeliver " + delivery.substring(0, Math.min(12, delivery.length())),
                    () -> call("POST", base + "/webhook-deliveries/" + delivery + "/redeliver", null, null));
        }
        for (String message :
                List.of("abc", "true_15550002222@c.us_ABCDEF", "%7B%22%24gt%22%3A%22%22%7D", "m".repeat(500))) {
            expect(
                    404,
                    "MESSAGE_NOT_FOUND",
                    "status of message " + message.substring(0, Math.min(12, message.length())),
                    () -> get(base + "/messages/" + message));
        }
    }

    private void mediaUrls() {
        String media = "/media/" + UUID.randomUUID();
        for (String query : List.of(
                "",
                "?expires=1",
                "?signature=abc",
                "?expires=99999999999&signature=abc",
                "?expires=1&signature=" + "a".repeat(64))) {
            expect(403, "MEDIA_URL_INVALID", "media " + query, () -> get(media + query));
        }
        expect(400, "VALIDATION_FAILED", "media ?expires=soon", () -> get(media + "?expires=soon&signature=a"));
    }

    private void methodsAndHeaders() {
        expect(405, "METHOD_NOT_ALLOWED", "PATCH accounts", () -> call("PATCH", "/api/accounts", "{}", JSON));
        expect(405, "METHOD_NOT_ALLOWED", "PUT accounts", () -> call("PUT", "/api/accounts", "{}", JSON));
        expect(405, "METHOD_NOT_ALLOWED", "DELETE accounts", () -> call("DELETE", "/api/accounts", null, null));
        expect(405, "METHOD_NOT_ALLOWED", "PATCH account", () -> call("PATCH", "/api/accounts/" + id, "{}", JSON));
        expect(405, "METHOD_NOT_ALLOWED", "POST account", () -> call("POST", "/api/accounts/" + id, "{}", JSON));
        expect(405, "METHOD_NOT_ALLOWED", "TRACE", () -> call("TRACE", "/api/accounts", null, null));
        expect(404, "NOT_FOUND", "unknown route", () -> get("/api/accounts/" + id + "/nope"));
        expect(404, "NOT_FOUND", "unknown top route", () -> get("/api/v2/accounts"));
        expect(
                406,
                "NOT_ACCEPTABLE",
                "accounts as XML only",
                () -> call("GET", "/api/accounts", null, null, Map.of("Accept", "application/xml")));
    }

    private void rawProtocolErrors() {
        String key = "X-Api-Key: " + ApiClient.TEST_API_KEY + "\r\n";
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("garbage request line", "GARBAGE\r\n\r\n");
        raw.put("pipe in path", "GET /api/acc|ounts HTTP/1.1\r\nHost: x\r\n" + key + "Connection: close\r\n\r\n");
        raw.put("control byte in path", "GET /api/\u0001 HTTP/1.1\r\nHost: x\r\n" + key + "Connection: close\r\n\r\n");
        raw.put(
                "space in header name",
                "GET /api/accounts HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n" + key + "Connection: close\r\n\r\n");
        raw.put(
                "20 KB header",
                "GET /api/accounts HTTP/1.1\r\nHost: x\r\n" + key + "X-Long: " + "a".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n");
        raw.put(
                "broken chunked body",
                "POST /api/accounts HTTP/1.1\r\nHost: x\r\n" + key
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n");
        raw.put(
                "two Host headers",
                "GET /api/accounts HTTP/1.1\r\nHost: a\r\nHost: b\r\n" + key + "Connection: close\r\n\r\n");
        raw.forEach((label, request) -> raw(label, "127.0.0.2", request, 400, "MALFORMED_REQUEST"));
        // Wrong keys come from an address of their own so they do not slow down the other tests' 127.0.0.1.
        for (String header : List.of(
                "X-Api-Key: wrong",
                "X-Api-Key: ",
                "Authorization: Bearer",
                "Authorization: Basic "
                        + Base64.getEncoder()
                                .encodeToString(("u:" + ApiClient.TEST_API_KEY).getBytes(StandardCharsets.UTF_8)))) {
            raw(
                    header.split(":")[0] + " '"
                            + header.substring(header.indexOf(':') + 1).trim() + "'",
                    "127.0.0.3",
                    "GET /api/accounts HTTP/1.1\r\nHost: x\r\n" + header + "\r\nConnection: close\r\n\r\n",
                    401,
                    "UNAUTHORIZED");
        }
    }

    // --- sending ---

    private void raw(String name, String from, String request, int status, String code) {
        cases.add(new Case(
                "raw: " + name,
                () -> {
                    RawHttp.Answer answer = RawHttp.send(port, from, request);
                    return new Answer(answer.status(), answer.contentType(), answer.body());
                },
                status,
                code));
    }

    private void expect(int status, String code, String name, Supplier<ApiClient.Response> call) {
        cases.add(new Case(
                name,
                () -> {
                    ApiClient.Response response = call.get();
                    return new Answer(response.status(), response.contentType(), response.body());
                },
                status,
                code));
    }

    private ApiClient.Response get(String path) {
        return api.get(path);
    }

    private ApiClient.Response call(String method, String path, String body, String contentType) {
        return call(method, path, body, contentType, Map.of());
    }

    private ApiClient.Response call(
            String method, String path, String body, String contentType, Map<String, String> headers) {
        return api.send(method, path, body, contentType, headers);
    }

    private ApiClient.Response callBytes(String method, String path, byte[] body, String contentType) {
        return api.sendBytes(method, path, body, contentType, Map.of());
    }
}
