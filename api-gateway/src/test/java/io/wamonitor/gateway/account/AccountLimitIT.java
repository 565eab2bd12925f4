package io.wamonitor.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.wamonitor.gateway.GatewayTestSupport;
import io.wamonitor.testkit.ApiClient;
import io.wamonitor.testkit.RabbitBrokerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(RabbitBrokerExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "wamonitor.accounts.max=5")
class AccountLimitIT {

    static final GatewayTestSupport support = new GatewayTestSupport();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        support.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void fiftyConcurrentCreatesAgainstALimitOfFiveCreateExactlyFive() throws Exception {
        ApiClient api = ApiClient.onPort(port);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<ApiClient.Response>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                int n = i;
                Callable<ApiClient.Response> create = () -> {
                    go.await();
                    return api.post("/api/accounts", "{\"name\":\"Racer " + n + "\"}");
                };
                results.add(pool.submit(create));
            }
            go.countDown();
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> result : results) {
                responses.add(result.get());
            }

            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(5);
            assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(45).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(409);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.text("code")).isEqualTo("ACCOUNT_LIMIT_REACHED");
                assertThat(r.json().path("limit").asInt()).isEqualTo(5);
            });
            assertThat(api.get("/api/accounts").json()).hasSize(5);
        } finally {
            pool.shutdownNow();
        }

        rejectsSixthAccountUntilOneIsDeleted(api);
    }

    private void rejectsSixthAccountUntilOneIsDeleted(ApiClient api) {
        assertThat(api.post("/api/accounts", "{\"name\":\"Sixth\"}").status()).isEqualTo(409);

        String victim = api.get("/api/accounts").json().get(0).path("id").asText();
        assertThat(api.delete("/api/accounts/" + victim).status()).isEqualTo(200);

        assertThat(api.post("/api/accounts", "{\"name\":\"Sixth\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/accounts", "{\"name\":\"Seventh\"}").status()).isEqualTo(409);
    }
}
