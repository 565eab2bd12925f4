package io.wamonitor.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamonitor.gateway.AbstractGatewayIT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is the API's reference: every operation says what it answers (success and problems) and
 * how it is secured, and the document passes Redocly's recommended rules ({@code redocly lint}, the version pinned
 * in src/test/openapi-lint, installed from the npm registry).
 */
class OpenApiDocumentIT extends AbstractGatewayIT {

    private static final Path LINT_TOOL = Path.of("src", "test", "openapi-lint");
    private static final Path WORK = Path.of("target", "openapi-lint");

    @Test
    void everyOperationDeclaresItsAnswersAndSecurityAndTheDocumentPassesRedoclyLint() throws Exception {
        JsonNode document = api.get("/openapi.json").json();
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                if (operation.path("summary").asText("").isBlank()) {
                    problems.add(name + ": no summary");
                }
                boolean isPublic = !path.getKey().startsWith("/api") || name.equals("GET /api");
                if (!isPublic && operation.path("security").isEmpty()) {
                    problems.add(name + ": no security requirement");
                }
                boolean success = false;
                boolean problem = false;
                for (Iterator<Map.Entry<String, JsonNode>> answers =
                                operation.path("responses").fields();
                        answers.hasNext(); ) {
                    Map.Entry<String, JsonNode> answer = answers.next();
                    success |=
                            answer.getKey().startsWith("2") && answer.getValue().has("content")
                                    || "202".equals(answer.getKey());
                    problem |=
                            (answer.getKey().startsWith("4") || answer.getKey().startsWith("5"))
                                    && answer.getValue().path("content").has("application/problem+json");
                }
                if (!success) {
                    problems.add(name + ": no success answer with a body");
                }
                if (!problem) {
                    problems.add(name + ": no problem answer");
                }
            }
        }
        assertThat(problems).isEmpty();
        for (String signed : List.of("/media/{id}", "/incident-screenshots/{incidentId}")) {
            assertThat(document.path("paths")
                            .path(signed)
                            .path("get")
                            .path("responses")
                            .has("403"))
                    .as(signed + " says it answers 403 to a wrong or expired signature")
                    .isTrue();
        }
        assertThat(document.path("components")
                        .path("securitySchemes")
                        .path("apiKey")
                        .path("name")
                        .asText())
                .isEqualTo("X-Api-Key");

        Files.createDirectories(WORK);
        Path file = WORK.resolve("openapi.json");
        Files.writeString(file, document.toPrettyString(), StandardCharsets.UTF_8);
        for (String name : List.of("package.json", "package-lock.json", "redocly.yaml")) {
            Files.copy(LINT_TOOL.resolve(name), WORK.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.exists(WORK.resolve("node_modules/.bin/redocly"))) {
            assertThat(run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                            .exitCode())
                    .as("npm ci of the pinned @redocly/cli")
                    .isZero();
        }
        Run lint = run("node_modules/.bin/redocly", "lint", "--config", "redocly.yaml", "openapi.json");
        assertThat(lint.exitCode()).as("redocly lint:\n" + lint.output()).isZero();
    }

    private record Run(int exitCode, String output) {}

    private static Run run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(WORK.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Run(-1, output + "\n(timed out)");
        }
        return new Run(process.exitValue(), output);
    }
}
