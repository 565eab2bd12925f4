package io.wamonitor.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.wamonitor.gateway.GatewayApplication;
import io.wamonitor.testkit.ApiClient;
import io.wamonitor.testkit.RabbitBroker;
import io.wamonitor.testkit.RabbitBrokerExtension;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

@ExtendWith({RabbitBrokerExtension.class, OutputCaptureExtension.class})
class PersistenceIT {

    private final Path dataDir =
            Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();
    private final String namespace = RabbitBroker.get().newNamespace();

    @Test
    void accountsSurviveAGatewayRestartWithTheEmbeddedDatabase(CapturedOutput output) {
        String id;
        String generatedKey;
        try (ConfigurableApplicationContext first = startGateway()) {
            // No API_KEYS: a key is generated, printed once, and only its hash is kept.
            Matcher printed = Pattern.compile("It is shown only now: (wam_[A-Za-z0-9_-]+)")
                    .matcher(output.getOut());
            assertThat(printed.find()).as("the generated key is printed").isTrue();
            generatedKey = printed.group(1);
            ApiClient api = api(first).withApiKey(generatedKey);
            id = api.post("/api/accounts", "{\"name\":\"Durable\",\"webhook_url\":\"https://h.example.com/x\"}")
                    .text("id");
            assertThat(api.put("/api/accounts/" + id + "/webhook", "{\"webhook_url\":\"https://h.example.com/y\"}")
                            .status())
                    .isEqualTo(200);
        }

        int printedBefore = output.getOut().split("It is shown only now").length;
        try (ConfigurableApplicationContext second = startGateway()) {
            assertThat(output.getOut().split("It is shown only now"))
                    .as("printed only at the first start")
                    .hasSize(printedBefore);
            ApiClient api = api(second).withApiKey(generatedKey);
            assertThat(api.withApiKey("wam_wrong").get("/api/accounts").status())
                    .isEqualTo(401);
            ApiClient.Response account = api.get("/api/accounts/" + id);
            assertThat(account.status()).isEqualTo(200);
            assertThat(account.text("name")).isEqualTo("Durable");
            assertThat(account.text("webhook_url")).isEqualTo("https://h.example.com/y");

            // The limit's bookkeeping survived too: deleting frees the place.
            assertThat(api.delete("/api/accounts/" + id).status()).isEqualTo(200);
        }
    }

    private ConfigurableApplicationContext startGateway() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .run(
                        "--server.port=0",
                        "--wamonitor.mongo.url=",
                        "--wamonitor.mongo.data-dir=" + dataDir,
                        "--spring.rabbitmq.addresses=" + RabbitBroker.get().url(),
                        "--wamonitor.amqp.namespace=" + namespace);
    }

    private static ApiClient api(ConfigurableApplicationContext context) {
        return ApiClient.onPort(
                ((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
