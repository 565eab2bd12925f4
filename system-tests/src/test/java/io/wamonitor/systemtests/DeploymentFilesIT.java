package io.wamonitor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of the deployment without a Docker engine: the Compose files against the Compose
 * Specification schema and a linter (dclint), the Dockerfiles with a linter (dockerfile-utils), a health check and a
 * concrete image tag for every service, ports published on loopback by default, and .env.example covering every
 * variable the applications and the Compose files read. The linters are pinned npm packages
 * (src/test/deploy-lint).
 */
class DeploymentFilesIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LINT_TOOL = Path.of("src/test/deploy-lint").toAbsolutePath();
    private static final Path WORK = Path.of("target/deploy-lint").toAbsolutePath();
    private static final List<String> COMPOSE_FILES = List.of("docker-compose.yml", "docker-compose.workers.yml");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)");

    @BeforeAll
    static void installTheLinters() throws Exception {
        Files.createDirectories(WORK);
        for (String name : List.of("package.json", "package-lock.json")) {
            Files.copy(LINT_TOOL.resolve(name), WORK.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.exists(WORK.resolve("node_modules/.bin/dclint"))) {
            Run install = run(WORK, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
            assertThat(install.exitCode())
                    .as("npm ci of the pinned linters:\n" + install.output())
                    .isZero();
        }
    }

    @Test
    void theComposeFilesPassTheComposeSpecificationAndTheLinter() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                WORK.resolve("node_modules/.bin/dclint").toString(),
                "-c",
                ".dclintrc",
                "--max-warnings",
                "0",
                "--color",
                "false"));
        command.addAll(COMPOSE_FILES);
        Run lint = run(ROOT, command.toArray(String[]::new));
        assertThat(lint.exitCode()).as("dclint:\n" + lint.output()).isZero();
    }

    @Test
    void theDockerfilesPassTheLinter() throws Exception {
        try (Stream<Path> files = Files.list(ROOT.resolve("docker"))) {
            List<Path> dockerfiles = files.filter(f -> f.toString().endsWith(".Dockerfile"))
                    .sorted()
                    .toList();
            assertThat(dockerfiles).hasSize(3);
            for (Path dockerfile : dockerfiles) {
                Run lint = run(
                        ROOT,
                        WORK.resolve("node_modules/.bin/dockerfile-utils").toString(),
                        "lint",
                        dockerfile.toString());
                assertThat(lint.exitCode())
                        .as("dockerfile-utils lint " + dockerfile.getFileName() + ":\n" + lint.output())
                        .isZero();
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceHasAHealthCheckAConcreteImageTagAndPublishesOnLoopbackByDefault() throws IOException {
        for (String file : COMPOSE_FILES) {
            Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve(file)));
            Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
            services.forEach((name, service) -> {
                boolean override = file.equals("docker-compose.workers.yml") && name.equals("worker");
                if (override) {
                    return; // adds to docker-compose.yml's worker
                }
                assertThat(service)
                        .as(file + ": " + name + " has a health check")
                        .containsKey("healthcheck");
                String image = defaults((String) service.get("image"));
                assertThat(image).as(file + ": " + name + " names its image").isNotNull();
                String tag = image.substring(image.lastIndexOf('/') + 1).contains(":")
                        ? image.substring(image.lastIndexOf(':') + 1)
                        : "";
                assertThat(tag)
                        .as(file + ": " + name + " pins a tag (" + image + ")")
                        .isNotBlank()
                        .isNotIn("latest", "stable");
                for (Object port : (List<Object>) service.getOrDefault("ports", List.of())) {
                    assertThat(defaults(String.valueOf(port)))
                            .as(file + ": " + name + " publishes " + port + " on loopback unless told otherwise")
                            .startsWith("127.0.0.1:");
                }
            });
        }
    }

    @Test
    void theBriefsServiceNamesAndCommandsWork() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services)
                .as("docker-compose logs -f backend / restart backend")
                .containsKeys("backend", "worker", "mongo", "rabbitmq", "prometheus", "grafana", "wa-simulator");
        assertThat(Files.readString(ROOT.resolve("prometheus/prometheus.yml"))).contains("backend:9001");
    }

    /**
     * Every variable the applications read (their application.yml) and the Compose files use is in .env.example;
     * the brief's five are set there, NODE_ENV documented as read by nothing, the passwords as placeholders to change.
     */
    @Test
    void envExampleListsEveryVariableTheStackReads() throws IOException {
        String example = Files.readString(ROOT.resolve(".env.example"));
        Set<String> listed = new TreeSet<>();
        Matcher line = Pattern.compile("(?m)^#?\\s*([A-Z_][A-Z0-9_]*)=").matcher(example);
        while (line.find()) {
            listed.add(line.group(1));
        }
        Set<String> read = new TreeSet<>();
        for (String file : List.of(
                "api-gateway/src/main/resources/application.yml",
                "browser-worker/src/main/resources/application.yml",
                "wa-simulator/src/main/resources/application.yml",
                "docker-compose.yml",
                "docker-compose.workers.yml")) {
            Matcher variable = VARIABLE.matcher(Files.readString(ROOT.resolve(file)));
            while (variable.find()) {
                read.add(variable.group(1));
            }
        }
        read.add("LOG_FORMAT"); // read by logging-support, not an application.yml
        assertThat(listed).as(".env.example lists every variable read").containsAll(read);

        for (String set :
                List.of("MONGO_URL=", "DB_NAME=whatsapp_monitor", "CORS_ORIGINS=*", "MAX_WHATSAPP_ACCOUNTS=5")) {
            assertThat(example).as("the brief's " + set).containsPattern("(?m)^" + Pattern.quote(set));
        }
        assertThat(example).containsPattern("(?m)^NODE_ENV=production$");
        assertThat(example).containsPattern("# Read by nothing[^\\n]*\\n(# [^\\n]*\\n)*NODE_ENV=");
        for (String password : List.of("RABBITMQ_PASSWORD", "MONGO_PASSWORD", "GRAFANA_ADMIN_PASSWORD")) {
            assertThat(example).containsPattern("(?m)^" + password + "=change-me");
        }
        assertThat(Files.readString(ROOT.resolve(".gitignore"))).containsPattern("(?m)^\\.env$");
    }

    @Test
    void theLicenceAndTheNoticeOfWhatIsRedistributedAreThere() throws IOException {
        assertThat(Files.readString(ROOT.resolve("LICENSE"))).startsWith("MIT License");
        assertThat(Files.readString(ROOT.resolve("NOTICE")))
                .contains("@wppconnect/wa-js")
                .contains("Apache License 2.0")
                .contains("react");
    }

    /** {@code ${VAR:-default}} as Compose reads it with VAR unset. */
    private static String defaults(String value) {
        if (value == null) {
            return null;
        }
        String resolved = value;
        Matcher inner = Pattern.compile("\\$\\{[A-Z_][A-Z0-9_]*:-([^${}]*)}").matcher(resolved);
        while (inner.find()) {
            resolved = inner.replaceFirst(Matcher.quoteReplacement(inner.group(1)));
            inner = Pattern.compile("\\$\\{[A-Z_][A-Z0-9_]*:-([^${}]*)}").matcher(resolved);
        }
        return resolved;
    }

    private record Run(int exitCode, String output) {}

    private static Run run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }
}
