package io.wamonitor.gateway.account;

import io.wamonitor.gateway.GatewayApplication;
import io.wamonitor.testsupport.ApiClient;
import io.wamonitor.testsupport.RabbitBroker;
import io.wamonitor.testsupport.RabbitBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RabbitBrokerExtension.class)
class PersistenceIT {

    private final Path dataDir = Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();
    private final String namespace = RabbitBroker.get().newNamespace();

    @Test
    void accountsSurviveAGatewayRestartWithTheEmbeddedDatabase() {
        String id;
        try (ConfigurableApplicationContext first = startGateway()) {
            ApiClient api = api(first);
            id = api.post("/api/accounts", "{\"name\":\"Durable\",\"webhook_url\":\"https://h.example.com/x\"}")
                    .text("id");
            assertThat(api.put("/api/accounts/" + id + "/webhook", "{\"webhook_url\":\"https://h.example.com/y\"}")
                    .status()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext second = startGateway()) {
            ApiClient api = api(second);
            ApiClient.Response account = api.get("/api/accounts/" + id);
            assertThat(account.status()).isEqualTo(200);
            assertThat(account.text("name")).isEqualTo("Durable");
            assertThat(account.text("webhook_url")).isEqualTo("https://h.example.com/y");

            // The limit's bookkeeping survived too: deleting frees the place.
            assertThat(api.delete("/api/accounts/" + id).status()).isEqualTo(200);
        }
    }

    private ConfigurableApplicationContext startGateway() {
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--wamonitor.mongo.url=",
                "--wamonitor.mongo.data-dir=" + dataDir,
                "--spring.rabbitmq.addresses=" + RabbitBroker.get().url(),
                "--wamonitor.worker-link.namespace=" + namespace);
    }

    private static ApiClient api(ConfigurableApplicationContext context) {
        return ApiClient.onPort(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
