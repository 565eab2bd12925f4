package io.wamonitor.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.wamonitor.gateway.AbstractGatewayIT;
import io.wamonitor.testkit.ApiClient;
import io.wamonitor.testkit.RawHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The throttling test runs last: it slows down this address's failing requests for a minute. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiKeyIT extends AbstractGatewayIT {

    @Test
    @Order(1)
    void everyApiRouteNeedsAKeyExceptTheBannerHealthAndPreflight() {
        ApiClient anonymous = api.withApiKey(null);

        ApiClient.Response refused = anonymous.get("/api/accounts");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("code")).isEqualTo("UNAUTHORIZED");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(anonymous.post("/api/accounts", "{\"name\":\"x\"}").status()).isEqualTo(401);
        assertThat(anonymous
                        .get("/api/accounts/3f0c2b9e-8a7d-4c6b-9e5f-1a2b3c4d5e6f/snapshot")
                        .status())
                .isEqualTo(401);
        assertThat(anonymous.get("/api/nothing").status())
                .as("no hint about which routes exist")
                .isEqualTo(401);

        // The same routes written so that the raw path does not start with /api/ (what routing decodes and
        // normalises away): none answers without a key.
        // Sent raw (nothing normalises them on the way), each from an address of its own (refusals count toward
        // the per-address throttle).
        int from = 50;
        for (String disguised : List.of(
                "/api;x/accounts",
                "/api;/accounts",
                "/%61pi/accounts",
                "/%61%70%69/accounts",
                "/api/%61ccounts",
                "//api/accounts",
                "/api/./accounts",
                "/x/../api/accounts",
                "/api;x")) {
            RawHttp.Answer answer = RawHttp.send(
                    port,
                    "127.0.0." + from++,
                    "GET " + disguised + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer.status()).as(disguised + " " + answer).isIn(400, 401, 404);
            assertThat(answer.body()).as(disguised).doesNotContain("\"accounts\"", "\"id\"");
        }

        assertThat(anonymous.get("/api").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous
                        .send(
                                "OPTIONS",
                                "/api/accounts",
                                null,
                                null,
                                Map.of("Origin", "https://x.example", "Access-Control-Request-Method", "GET"))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/accounts").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aBearerTokenWorksAndAWrongKeyDoesNot() {
        ApiClient anonymous = api.withApiKey(null);

        assertThat(anonymous
                        .send(
                                "GET",
                                "/api/accounts",
                                null,
                                null,
                                Map.of("Authorization", "Bearer " + ApiClient.TEST_API_KEY))
                        .status())
                .isEqualTo(200);
        assertThat(anonymous
                        .send("GET", "/api/accounts", null, null, Map.of("X-Api-Key", "wam_guess"))
                        .status())
                .isEqualTo(401);
        assertThat(anonymous
                        .send(
                                "GET",
                                "/api/accounts",
                                null,
                                null,
                                Map.of("X-Api-Key", ApiClient.TEST_API_KEY.substring(1)))
                        .status())
                .isEqualTo(401);
    }

    @Test
    @Order(3)
    void anAddressThatKeepsGuessingIsSlowedDownWhileValidKeysStillWork() {
        ApiClient guesser = api.withApiKey("wam_guess");
        int limited = 0;
        for (int i = 0; i < 15; i++) {
            ApiClient.Response response = guesser.get("/api/accounts");
            assertThat(response.status()).isIn(401, 429);
            if (response.status() == 429) {
                limited++;
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(limited).isPositive();
        assertThat(api.get("/api/accounts").status()).isEqualTo(200);
    }
}
