package io.wamonitor.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamonitor.testkit.ApiClient;
import io.wamonitor.testkit.RabbitBrokerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway on a random port with the embedded database and its own broker namespace; no worker runs, so
 * commands stay in the worker's queue for the test to inspect. Subclasses share one application context.
 */
@ExtendWith(RabbitBrokerExtension.class)
@AutoConfigureObservability // /actuator/prometheus as in production (Boot turns metrics export off in tests)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wamonitor.accounts.max=20", "wamonitor.web.max-request-bytes=1000000"})
public abstract class AbstractGatewayIT {

    protected static final GatewayTestSupport support = new GatewayTestSupport();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        support.register(registry);
    }

    @LocalServerPort
    protected int port;

    protected ApiClient api;

    @BeforeEach
    void connectClient() {
        api = ApiClient.onPort(port);
        support.awaitWorker(api);
    }

    @AfterEach
    void deleteAllAccounts() {
        for (JsonNode account : api.get("/api/accounts").json()) {
            api.delete("/api/accounts/" + account.path("id").asText());
        }
        support.takeCommands();
    }
}
