package io.wamonitor.gateway.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wamonitor.gateway.GatewayApplication;
import io.wamonitor.gateway.GatewayTestSupport;
import io.wamonitor.testkit.ApiClient;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based checks over the request models: whatever JSON a caller sends to create an account, change its
 * webhook or send a message (any shape, any types, any Unicode, including broken surrogates and control
 * characters), the gateway answers with success or a 4xx problem carrying a stable code, never a 5xx; what
 * it accepts it stores exactly, and what it refuses changes nothing.
 */
class RequestModelPropertiesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper ESCAPING = new ObjectMapper()
            .configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, true);
    private static final Set<String> STABLE_CODES = Set.of("VALIDATION_FAILED", "MALFORMED_REQUEST",
            "ACCOUNT_NOT_FOUND", "OUTBOUND_URL_BLOCKED", "PAYLOAD_TOO_LARGE", "ACCOUNT_NOT_READY",
            "ACCOUNT_LIMIT_REACHED", "NOT_FOUND");

    private static ConfigurableApplicationContext gateway;
    private static ApiClient api;
    private static String notReadyAccount;

    @BeforeContainer
    static void startGateway() {
        GatewayTestSupport support = new GatewayTestSupport();
        Map<String, Object> properties = new HashMap<>();
        support.register((name, value) -> properties.put(name, value.get()));
        properties.put("server.port", 0);
        properties.put("wamonitor.accounts.max", 50);
        properties.put("wamonitor.web.max-request-bytes", 1_000_000);
        // As arguments: they must win over application.yml, as @SpringBootTest properties do.
        gateway = new SpringApplicationBuilder(GatewayApplication.class).run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        api = ApiClient.onPort(port);
        notReadyAccount = api.post("/api/accounts", "{\"name\":\"Sender\"}").text("id");
    }

    @AfterContainer
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Property(tries = 300)
    void creatingAnAccountEitherStoresExactlyWhatWasSentOrChangesNothing(
            @ForAll("createBodies") Map<String, Object> body, @ForAll boolean escapeNonAscii) throws Exception {
        JsonNode before = api.get("/api/accounts").json();

        ApiClient.Response response = api.post("/api/accounts", json(body, escapeNonAscii));

        if (response.status() == 201) {
            JsonNode stored = api.get("/api/accounts/" + response.text("id")).json();
            assertThat(stored.path("name").asText()).isEqualTo(sentAs(body.get("name"), escapeNonAscii));
            assertThat(stored.path("webhook_url").isNull() ? null : stored.path("webhook_url").asText())
                    .isEqualTo(sentAs(body.get("webhook_url"), escapeNonAscii));
            assertThat(api.delete("/api/accounts/" + response.text("id")).status()).isEqualTo(200);
        } else {
            assertIsProblem(response);
            assertThat(api.get("/api/accounts").json()).isEqualTo(before);
        }
    }

    @Property(tries = 200)
    void changingTheWebhookEitherStoresExactlyWhatWasSentOrChangesNothing(
            @ForAll("webhookBodies") Map<String, Object> body, @ForAll boolean escapeNonAscii) throws Exception {
        JsonNode before = api.get("/api/accounts/" + notReadyAccount).json();

        ApiClient.Response response = api.put("/api/accounts/" + notReadyAccount + "/webhook", json(body,
                escapeNonAscii));

        JsonNode after = api.get("/api/accounts/" + notReadyAccount).json();
        if (response.status() == 200) {
            assertThat(after.path("webhook_url").isNull() ? null : after.path("webhook_url").asText())
                    .isEqualTo(sentAs(body.get("webhook_url"), escapeNonAscii));
        } else {
            assertIsProblem(response);
            assertThat(after).isEqualTo(before);
        }
    }

    @Property(tries = 300)
    void aMalformedSendIsRefusedAsSuchWhateverTheAccountsState(
            @ForAll("sendBodies") Map<String, Object> body, @ForAll boolean escapeNonAscii) throws Exception {
        ApiClient.Response response = api.post("/api/accounts/" + notReadyAccount + "/messages/send",
                json(body, escapeNonAscii));

        assertIsProblem(response);
        // The shape is checked before the account's state: a request without a usable recipient never gets
        // ACCOUNT_NOT_READY, and only a request with one can.
        boolean usableRecipient = body.get("to") instanceof String to && to.matches(RECIPIENT);
        if (!usableRecipient) {
            assertThat(response.text("code")).as(response.toString()).isIn("VALIDATION_FAILED", "MALFORMED_REQUEST",
                    "OUTBOUND_URL_BLOCKED", "PAYLOAD_TOO_LARGE");
        }
        if ("ACCOUNT_NOT_READY".equals(response.text("code"))) {
            assertThat(usableRecipient).as("refused for its state, yet its recipient is unusable: " + body).isTrue();
        }
    }

    /** The recipient forms SendRequest accepts. */
    private static final String RECIPIENT = "\\+?[0-9]{7,15}|[0-9]{7,15}@c\\.us|[0-9][0-9-]{4,40}@g\\.us";

    @Property(tries = 200)
    void anyAccountIdInThePathIsNotFoundOrMalformed(@ForAll("ids") String id) {
        String path = "/api/accounts/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");

        ApiClient.Response response = api.get(path);

        if (id.equals(notReadyAccount)) {
            assertThat(response.status()).isEqualTo(200);
            return;
        }
        assertIsProblem(response);
        assertThat(response.text("code")).isIn("ACCOUNT_NOT_FOUND", "MALFORMED_REQUEST", "NOT_FOUND");
    }

    // --- generators ---

    @Provide
    Arbitrary<Map<String, Object>> createBodies() {
        return objects(Map.of(
                "name", Arbitraries.oneOf(names(), jsonValues()),
                "webhook_url", Arbitraries.oneOf(urls(), jsonValues()),
                "webhook_events", Arbitraries.oneOf(events(), jsonValues())));
    }

    @Provide
    Arbitrary<Map<String, Object>> webhookBodies() {
        return objects(Map.of(
                "webhook_url", Arbitraries.oneOf(urls(), jsonValues()),
                "webhook_events", Arbitraries.oneOf(events(), jsonValues())));
    }

    @Provide
    Arbitrary<Map<String, Object>> sendBodies() {
        Arbitrary<Object> media = objects(Map.of(
                "data", Arbitraries.oneOf(Arbitraries.strings().withChars("ABCDEFabcdef0123456789+/=").ofMaxLength(40)
                        .map(s -> (Object) s), jsonValues()),
                "mimetype", Arbitraries.oneOf(Arbitraries.of("image/png", "image/jpeg", "application/pdf", "image", "")
                        .map(s -> (Object) s), jsonValues()),
                "filename", Arbitraries.oneOf(anyText().map(s -> (Object) s), jsonValues()))).map(m -> (Object) m);
        return objects(Map.of(
                "to", Arbitraries.oneOf(phones(), jsonValues()),
                "message", Arbitraries.oneOf(anyText().map(s -> (Object) s), jsonValues()),
                "caption", Arbitraries.oneOf(anyText().map(s -> (Object) s), jsonValues()),
                "media_url", Arbitraries.oneOf(urls(), jsonValues()),
                "filename", Arbitraries.oneOf(anyText().map(s -> (Object) s), jsonValues()),
                "media", Arbitraries.oneOf(media, jsonValues())));
    }

    /** Objects with any subset of the model's fields (each with a plausible or arbitrary value) and junk keys. */
    private static Arbitrary<Map<String, Object>> objects(Map<String, Arbitrary<Object>> fields) {
        List<Arbitrary<Map<String, Object>>> parts = new ArrayList<>();
        fields.forEach((name, value) -> parts.add(Arbitraries.oneOf(
                Arbitraries.just(Map.<String, Object>of()),
                value.map(v -> {
                    Map<String, Object> one = new HashMap<>();
                    one.put(name, v);
                    return one;
                }))));
        parts.add(Arbitraries.oneOf(Arbitraries.just(Map.<String, Object>of()),
                Arbitraries.strings().ofMaxLength(8).flatMap(key -> jsonValues().map(v -> {
                    Map<String, Object> junk = new HashMap<>();
                    junk.put("x_" + key, v);
                    return junk;
                }))));
        return Combinators.combine(parts).as(list -> {
            Map<String, Object> merged = new LinkedHashMap<>();
            list.forEach(merged::putAll);
            return merged;
        });
    }

    private static Arbitrary<Object> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars(" -_.'").ofMinLength(1).ofMaxLength(100),
                Arbitraries.of("Support \u2713", "\u0627\u0644\u062f\u0639\u0645", "\ud83d\udc69\u200d\ud83d\udcbb Sales",
                        "\u65e5\u672c", "a\u202eb", "x\ud800", " ", ""),
                anyText()).map(s -> (Object) s);
    }

    private static Arbitrary<Object> urls() {
        return Arbitraries.oneOf(
                Arbitraries.of("https://hooks.example.com/in", "http://hooks.example.com:8080/a?b=c", "https://example.com/",
                        "http://127.0.0.1/x", "http://10.0.0.1/", "http://169.254.169.254/", "http://[::1]/",
                        "ftp://example.com/", "javascript:alert(1)", "https://u:p@example.com/", "http://0x7f.1/",
                        "https://example.com/\u00e9", "https://exa mple.com/"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(s -> "https://" + s + ".example.com/"),
                anyText()).map(s -> (Object) s);
    }

    private static Arbitrary<Object> events() {
        return Arbitraries.of("message", "status", "ack", "qr", "messages", "", "MESSAGE").list().ofMaxSize(5)
                .map(l -> (Object) l);
    }

    private static Arbitrary<Object> phones() {
        return Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(15).map(s -> s + "@c.us"),
                Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(15).map(s -> "+" + s),
                anyText()).map(s -> (Object) s);
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(anyText(), Arbitraries.strings().withChars("0123456789abcdef-").ofLength(36));
    }

    private static Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(5),
                Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(3),
                Arbitraries.strings().ofMinLength(60_000).ofMaxLength(70_000).withChars('x'));
    }

    /** Any JSON value: scalars of every type, and arrays and objects nested a few levels deep. */
    private static Arbitrary<Object> jsonValues() {
        return Arbitraries.lazyOf(
                () -> Arbitraries.just(null),
                () -> Arbitraries.integers().map(i -> (Object) i),
                () -> Arbitraries.longs().map(l -> (Object) l),
                () -> Arbitraries.doubles().map(d -> (Object) d),
                () -> Arbitraries.of(true, false).map(b -> (Object) b),
                () -> anyText().map(s -> (Object) s),
                () -> jsonValues().list().ofMaxSize(3).map(l -> (Object) l),
                () -> Arbitraries.maps(Arbitraries.strings().ofMaxLength(5), jsonValues()).ofMaxSize(3)
                        .map(m -> (Object) m));
    }

    // --- checks ---

    private static String json(Object body, boolean escapeNonAscii) throws Exception {
        return (escapeNonAscii ? ESCAPING : JSON).writeValueAsString(body);
    }

    /** A text as the server receives it: unescaped, the client's UTF-8 encoding turns broken surrogates into '?'. */
    private static Object sentAs(Object value, boolean escaped) {
        return value instanceof String text && !escaped
                ? new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8) : value;
    }

    private static void assertIsProblem(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.text("code")).as(response.toString()).isIn(STABLE_CODES);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }
}
