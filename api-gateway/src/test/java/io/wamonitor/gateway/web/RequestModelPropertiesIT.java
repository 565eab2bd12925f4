package io.wamonitor.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wamonitor.gateway.GatewayApplication;
import io.wamonitor.gateway.GatewayTestSupport;
import io.wamonitor.testkit.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.instancio.Random;
import org.instancio.junit.Given;
import org.instancio.junit.GivenProvider;
import org.instancio.junit.InstancioExtension;
import org.instancio.junit.InstancioSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Property-based checks over the request models: whatever JSON a caller sends to create an account, change its
 * webhook or send a message (any shape, any types, any Unicode, including broken surrogates and control
 * characters), the gateway answers with success or a 4xx problem carrying a stable code, never a 5xx; what
 * it accepts it stores exactly, and what it refuses changes nothing.
 *
 * <p>Generated with Instancio: each property runs on {@code samples} inputs drawn from the generators below; a
 * failure names the seed, and {@code @Seed} on the method replays it.
 */
@ExtendWith(InstancioExtension.class)
class RequestModelPropertiesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper ESCAPING =
            new ObjectMapper().configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, true);
    private static final Set<String> STABLE_CODES = Set.of(
            "VALIDATION_FAILED",
            "MALFORMED_REQUEST",
            "ACCOUNT_NOT_FOUND",
            "OUTBOUND_URL_BLOCKED",
            "PAYLOAD_TOO_LARGE",
            "ACCOUNT_NOT_READY",
            "ACCOUNT_LIMIT_REACHED",
            "NOT_FOUND");

    private static ConfigurableApplicationContext gateway;
    private static ApiClient api;
    private static String notReadyAccount;

    @BeforeAll
    static void startGateway() {
        GatewayTestSupport support = new GatewayTestSupport();
        Map<String, Object> properties = new HashMap<>();
        support.register((name, value) -> properties.put(name, value.get()));
        properties.put("server.port", 0);
        properties.put("wamonitor.accounts.max", 50);
        properties.put("wamonitor.web.max-request-bytes", 1_000_000);
        // As arguments: they must win over application.yml, as @SpringBootTest properties do.
        gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .run(properties.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        api = ApiClient.onPort(port);
        notReadyAccount = api.post("/api/accounts", "{\"name\":\"Sender\"}").text("id");
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @ParameterizedTest
    @InstancioSource(samples = 300)
    void creatingAnAccountEitherStoresExactlyWhatWasSentOrChangesNothing(
            @Given(CreateBodies.class) Map<String, Object> body, boolean escapeNonAscii) throws Exception {
        JsonNode before = api.get("/api/accounts").json();

        ApiClient.Response response = api.post("/api/accounts", json(body, escapeNonAscii));

        if (response.status() == 201) {
            JsonNode stored = api.get("/api/accounts/" + response.text("id")).json();
            assertThat(stored.path("name").asText()).isEqualTo(sentAs(body.get("name"), escapeNonAscii));
            assertThat(
                            stored.path("webhook_url").isNull()
                                    ? null
                                    : stored.path("webhook_url").asText())
                    .isEqualTo(sentAs(body.get("webhook_url"), escapeNonAscii));
            assertThat(api.delete("/api/accounts/" + response.text("id")).status())
                    .isEqualTo(200);
        } else {
            assertIsProblem(response);
            assertThat(api.get("/api/accounts").json()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @InstancioSource(samples = 200)
    void changingTheWebhookEitherStoresExactlyWhatWasSentOrChangesNothing(
            @Given(WebhookBodies.class) Map<String, Object> body, boolean escapeNonAscii) throws Exception {
        JsonNode before = api.get("/api/accounts/" + notReadyAccount).json();

        ApiClient.Response response =
                api.put("/api/accounts/" + notReadyAccount + "/webhook", json(body, escapeNonAscii));

        JsonNode after = api.get("/api/accounts/" + notReadyAccount).json();
        if (response.status() == 200) {
            assertThat(
                            after.path("webhook_url").isNull()
                                    ? null
                                    : after.path("webhook_url").asText())
                    .isEqualTo(sentAs(body.get("webhook_url"), escapeNonAscii));
        } else {
            assertIsProblem(response);
            assertThat(after).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @InstancioSource(samples = 300)
    void aMalformedSendIsRefusedAsSuchWhateverTheAccountsState(
            @Given(SendBodies.class) Map<String, Object> body, boolean escapeNonAscii) throws Exception {
        ApiClient.Response response =
                api.post("/api/accounts/" + notReadyAccount + "/messages/send", json(body, escapeNonAscii));

        assertIsProblem(response);
        // The shape is checked before the account's state: a request without a usable recipient never gets
        // ACCOUNT_NOT_READY, and only a request with one can.
        boolean usableRecipient = body.get("to") instanceof String to && to.matches(RECIPIENT);
        if (!usableRecipient) {
            assertThat(response.text("code"))
                    .as(response.toString())
                    .isIn("VALIDATION_FAILED", "MALFORMED_REQUEST", "OUTBOUND_URL_BLOCKED", "PAYLOAD_TOO_LARGE");
        }
        if ("ACCOUNT_NOT_READY".equals(response.text("code"))) {
            assertThat(usableRecipient)
                    .as("refused for its state, yet its recipient is unusable: " + body)
                    .isTrue();
        }
    }

    /** The recipient forms SendRequest accepts. */
    private static final String RECIPIENT =
            "\\+?(?:[ ()\\-.]*[0-9]){7,15}[ ()\\-.]*|[0-9]{7,15}@c\\.us|[0-9][0-9-]{4,40}@g\\.us|[0-9]{6,20}@lid";

    @ParameterizedTest
    @InstancioSource(samples = 200)
    void anyAccountIdInThePathIsNotFoundOrMalformed(@Given(Ids.class) String id) {
        String path =
                "/api/accounts/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");

        ApiClient.Response response = api.get(path);

        if (id.equals(notReadyAccount)) {
            assertThat(response.status()).isEqualTo(200);
            return;
        }
        assertIsProblem(response);
        assertThat(response.text("code")).isIn("ACCOUNT_NOT_FOUND", "MALFORMED_REQUEST", "NOT_FOUND");
    }

    // --- generators (each draws from Instancio's seeded Random, so a failing input can be replayed) ---

    /** Bodies for creating an account: any subset of its fields, plausible or arbitrary, and junk keys. */
    public static final class CreateBodies implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            Random r = context.random();
            return object(
                    r,
                    Map.of(
                            "name", () -> r.trueOrFalse() ? name(r) : jsonValue(r, 0),
                            "webhook_url", () -> r.trueOrFalse() ? url(r) : jsonValue(r, 0),
                            "webhook_events", () -> r.trueOrFalse() ? events(r) : jsonValue(r, 0)));
        }
    }

    public static final class WebhookBodies implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            Random r = context.random();
            return object(
                    r,
                    Map.of(
                            "webhook_url", () -> r.trueOrFalse() ? url(r) : jsonValue(r, 0),
                            "webhook_events", () -> r.trueOrFalse() ? events(r) : jsonValue(r, 0)));
        }
    }

    public static final class SendBodies implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            Random r = context.random();
            Supplier<Object> media = () -> object(
                    r,
                    Map.of(
                            "data",
                                    () -> r.trueOrFalse()
                                            ? r.stringOf(r.intRange(0, 40), "ABCDEFabcdef0123456789+/=".toCharArray())
                                            : jsonValue(r, 0),
                            "mimetype",
                                    () -> r.trueOrFalse()
                                            ? r.oneOf("image/png", "image/jpeg", "application/pdf", "image", "")
                                            : jsonValue(r, 0),
                            "filename", () -> r.trueOrFalse() ? anyText(r) : jsonValue(r, 0)));
            return object(
                    r,
                    Map.of(
                            "to", () -> r.trueOrFalse() ? phone(r) : jsonValue(r, 0),
                            "message", () -> r.trueOrFalse() ? anyText(r) : jsonValue(r, 0),
                            "caption", () -> r.trueOrFalse() ? anyText(r) : jsonValue(r, 0),
                            "media_url", () -> r.trueOrFalse() ? url(r) : jsonValue(r, 0),
                            "filename", () -> r.trueOrFalse() ? anyText(r) : jsonValue(r, 0),
                            "media", () -> r.trueOrFalse() ? media.get() : jsonValue(r, 0)));
        }
    }

    public static final class Ids implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            Random r = context.random();
            return r.trueOrFalse() ? anyText(r) : r.stringOf(36, "0123456789abcdef-".toCharArray());
        }
    }

    /** An object with each field present half of the time, plus a junk key half of the time. */
    private static Map<String, Object> object(Random r, Map<String, Supplier<Object>> fields) {
        Map<String, Object> object = new LinkedHashMap<>();
        new TreeMap<>(fields).forEach((name, value) -> {
            if (r.trueOrFalse()) {
                object.put(name, value.get());
            }
        });
        if (r.trueOrFalse()) {
            object.put("x_" + anyShortText(r, 8), jsonValue(r, 0));
        }
        return object;
    }

    private static Object name(Random r) {
        return switch (r.intRange(0, 2)) {
            case 0 ->
                r.stringOf(
                        r.intRange(1, 100),
                        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.'".toCharArray());
            case 1 ->
                r.oneOf(
                        "Support \u2713",
                        "\u0627\u0644\u062f\u0639\u0645",
                        "\ud83d\udc69\u200d\ud83d\udcbb Sales",
                        "\u65e5\u672c",
                        "a\u202eb",
                        "x\ud800",
                        " ",
                        "");
            default -> anyText(r);
        };
    }

    private static Object url(Random r) {
        return switch (r.intRange(0, 2)) {
            case 0 ->
                r.oneOf(
                        "https://hooks.example.com/in",
                        "http://hooks.example.com:8080/a?b=c",
                        "https://example.com/",
                        "http://127.0.0.1/x",
                        "http://10.0.0.1/",
                        "http://169.254.169.254/",
                        "http://[::1]/",
                        "ftp://example.com/",
                        "javascript:alert(1)",
                        "https://u:p@example.com/",
                        "http://0x7f.1/",
                        "https://example.com/\u00e9",
                        "https://exa mple.com/");
            case 1 -> "https://" + r.mixedCaseAlphabetic(r.intRange(1, 20)) + ".example.com/";
            default -> anyText(r);
        };
    }

    private static Object events(Random r) {
        List<String> events = new ArrayList<>();
        for (int i = r.intRange(0, 5); i > 0; i--) {
            events.add(r.oneOf("message", "status", "ack", "qr", "messages", "", "MESSAGE"));
        }
        return events;
    }

    private static Object phone(Random r) {
        return switch (r.intRange(0, 5)) {
            case 0 -> r.digits(r.intRange(1, 20));
            case 1 -> r.digits(r.intRange(7, 15)) + "@c.us";
            case 2 -> "+" + r.digits(r.intRange(7, 15));
            case 3 ->
                "+" + r.digits(r.intRange(1, 3)) + " (" + r.digits(3) + ") " + r.digits(r.intRange(2, 5)) + "-"
                        + r.digits(r.intRange(2, 6));
            case 4 -> r.digits(r.intRange(4, 22)) + "@lid";
            default -> anyText(r);
        };
    }

    /** Any text: any UTF-16 units (broken surrogates too), control characters, lone surrogates, or very long. */
    private static String anyText(Random r) {
        return switch (r.intRange(0, 4)) {
            case 0 -> anyShortText(r, 40);
            case 1 -> chars(r, r.intRange(0, 5), '\u0000', '\u001f');
            case 2 -> chars(r, r.intRange(0, 3), '\ud800', '\udfff');
            case 3 -> "x".repeat(r.intRange(60_000, 70_000));
            default -> "";
        };
    }

    private static String anyShortText(Random r, int maxLength) {
        return chars(r, r.intRange(0, maxLength), '\u0000', '\uffff');
    }

    private static String chars(Random r, int length, char from, char to) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(r.characterRange(from, to));
        }
        return text.toString();
    }

    /** Any JSON value: scalars of every type, and arrays and objects nested a few levels deep. */
    private static Object jsonValue(Random r, int depth) {
        int kinds = depth >= 3 ? 5 : 7;
        return switch (r.intRange(0, kinds)) {
            case 0 -> null;
            case 1 -> r.intRange(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case 2 -> r.longRange(Long.MIN_VALUE, Long.MAX_VALUE);
            case 3 -> r.oneOf(0.0, -0.0, 1.5, -1e308, 1e-300, r.doubleRange(-1e6, 1e6));
            case 4 -> r.trueOrFalse();
            case 5 -> anyText(r);
            case 6 -> {
                List<Object> list = new ArrayList<>();
                for (int i = r.intRange(0, 3); i > 0; i--) {
                    list.add(jsonValue(r, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = r.intRange(0, 3); i > 0; i--) {
                    map.put(anyShortText(r, 5), jsonValue(r, depth + 1));
                }
                yield map;
            }
        };
    }

    // --- checks ---

    private static String json(Object body, boolean escapeNonAscii) throws Exception {
        return (escapeNonAscii ? ESCAPING : JSON).writeValueAsString(body);
    }

    /** A text as the server receives it: unescaped, the client's UTF-8 encoding turns broken surrogates into '?'. */
    private static Object sentAs(Object value, boolean escaped) {
        return value instanceof String text && !escaped
                ? new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                : value;
    }

    private static void assertIsProblem(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.text("code")).as(response.toString()).isIn(STABLE_CODES);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }
}
