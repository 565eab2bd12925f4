package io.wamonitor.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class LogFormatTest {

    private final LogFormat logFormat = new LogFormat();

    @Test
    void jsonTurnsOnStructuredConsoleLogging() {
        MockEnvironment environment = new MockEnvironment().withProperty("LOG_FORMAT", "JSON");

        logFormat.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void textOrNothingKeepsPlainLines() {
        for (MockEnvironment environment :
                new MockEnvironment[] {new MockEnvironment(), new MockEnvironment().withProperty("LOG_FORMAT", "text")
                }) {
            logFormat.postProcessEnvironment(environment, new SpringApplication());
            assertThat(environment.getProperty("logging.structured.format.console"))
                    .isNull();
        }
    }

    @Test
    void anythingElseStopsTheStartSayingWhatIsAllowed() {
        MockEnvironment environment = new MockEnvironment().withProperty("LOG_FORMAT", "xml");

        assertThatThrownBy(() -> logFormat.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("LOG_FORMAT must be text or json");
    }
}
