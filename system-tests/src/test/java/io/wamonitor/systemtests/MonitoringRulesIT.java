package io.wamonitor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Prometheus files as Prometheus reads them, with promtool: the configuration and the alert rules are valid, the
 * rules pass their unit tests (prometheus/alerts.test.yml), every PromQL expression of the Grafana dashboards
 * parses, and every alert has a severity and a runbook section in docs/OPERATIONS.md. promtool must be installed
 * (scripts/ensure-promtool.sh, which .ci/run calls); without it this test fails rather than skips.
 */
class MonitoringRulesIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target/monitoring-rules").toAbsolutePath();

    private static String promtool;

    @BeforeAll
    static void findPromtool() {
        promtool = locatePromtool()
                .orElseGet(() -> fail("promtool is not installed: run scripts/ensure-promtool.sh (as root it installs "
                        + "/usr/local/bin/promtool, otherwise ~/.local/bin/promtool), or set PROMTOOL to its path"));
    }

    @Test
    void theAlertRulesAreValid() throws Exception {
        Run check = promtool("check", "rules", "prometheus/alerts.yml");
        assertThat(check.exitCode())
                .as("promtool check rules prometheus/alerts.yml:\n" + check.output())
                .isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePrometheusConfigurationIsValid() throws Exception {
        Map<String, Object> config = new Yaml().load(Files.readString(ROOT.resolve("prometheus/prometheus.yml")));
        for (Object ruleFile : (List<Object>) config.getOrDefault("rule_files", List.of())) {
            assertThat(ROOT.resolve("prometheus").resolve(String.valueOf(ruleFile)))
                    .as("prometheus.yml's rule file " + ruleFile)
                    .isRegularFile();
        }
        Run check = promtool("check", "config", "prometheus/prometheus.yml");
        assertThat(check.exitCode())
                .as("promtool check config prometheus/prometheus.yml:\n" + check.output())
                .isZero();
    }

    @Test
    void theAlertRulesPassTheirUnitTests() throws Exception {
        Run test = promtool("test", "rules", "prometheus/alerts.test.yml");
        assertThat(test.exitCode())
                .as("promtool test rules prometheus/alerts.test.yml:\n" + test.output())
                .isZero();
    }

    /** Each expression becomes a recording rule (Grafana's variables replaced by values), checked by promtool. */
    @Test
    void everyDashboardQueryIsValidPromQl() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode rules = json.createObjectNode();
        ArrayNode groups = rules.putArray("groups");
        List<Path> dashboards;
        try (Stream<Path> files = Files.list(ROOT.resolve("grafana/dashboards"))) {
            dashboards =
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(dashboards).isNotEmpty();
        int count = 0;
        for (Path dashboard : dashboards) {
            ObjectNode group = groups.addObject();
            group.put("name", dashboard.getFileName().toString());
            ArrayNode recorded = group.putArray("rules");
            List<JsonNode> panels = new ArrayList<>();
            collectPanels(json.readTree(dashboard.toFile()).path("panels"), panels);
            for (JsonNode panel : panels) {
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asText("");
                    if (expr.isBlank()) {
                        continue;
                    }
                    ObjectNode rule = recorded.addObject();
                    count++;
                    // promtool names the rule of a bad expression: the panel's id and the query's letter
                    rule.put(
                            "record",
                            "panel_" + panel.path("id").asInt() + "_"
                                    + target.path("refId").asText());
                    rule.put("expr", withGrafanaVariables(expr));
                    rule.putObject("labels").put("panel", panel.path("title").asText());
                }
            }
        }
        assertThat(count).as("dashboard queries").isGreaterThan(10);
        Files.createDirectories(WORK);
        Path file = WORK.resolve("dashboard-queries.yml"); // JSON is YAML
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), rules);
        Run check = promtool("check", "rules", file.toString());
        assertThat(check.exitCode())
                .as("promtool check rules of the dashboard queries (" + file + "):\n" + check.output())
                .isZero();
    }

    /** Every alert says how bad it is and links to a section of docs/OPERATIONS.md ("Alerts") that exists. */
    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasASeverityAndARunbookSection() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(ROOT.resolve("prometheus/alerts.yml")));
        String operations = Files.readString(ROOT.resolve("docs/OPERATIONS.md"));
        String tests = Files.readString(ROOT.resolve("prometheus/alerts.test.yml"));
        int alerts = 0;
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                String name = (String) rule.get("alert");
                if (name == null) {
                    continue;
                }
                alerts++;
                Map<String, Object> labels = (Map<String, Object>) rule.getOrDefault("labels", Map.of());
                Map<String, Object> annotations = (Map<String, Object>) rule.getOrDefault("annotations", Map.of());
                assertThat(labels.get("severity")).as(name + "'s severity").isIn("critical", "warning");
                assertThat(annotations).as(name + "'s annotations").containsKeys("summary", "description");
                assertThat(annotations.get("runbook"))
                        .as(name + "'s runbook")
                        .isEqualTo("docs/OPERATIONS.md#" + name.toLowerCase(Locale.ROOT));
                assertThat(operations)
                        .as("docs/OPERATIONS.md has a section for " + name)
                        .contains("#### " + name + "\n");
                if (group.get("name").equals("wa-monitor-session-health")) {
                    assertThat(tests)
                            .as("prometheus/alerts.test.yml tests " + name)
                            .contains("alertname: " + name + "\n");
                }
            }
        }
        assertThat(alerts).isGreaterThan(10);
    }

    private static void collectPanels(JsonNode panels, List<JsonNode> into) {
        for (JsonNode panel : panels) {
            into.add(panel);
            collectPanels(panel.path("panels"), into); // panels inside collapsed rows
        }
    }

    private static String withGrafanaVariables(String expr) {
        return expr.replace("$__rate_interval", "1m")
                .replace("$__interval", "1m")
                .replace("$__range", "1h")
                .replaceAll("\\$\\{?worker}?", ".*");
    }

    /** PROMTOOL, then the PATH, then where scripts/ensure-promtool.sh installs it. */
    private static Optional<String> locatePromtool() {
        List<Path> candidates = new ArrayList<>();
        String explicit = System.getenv("PROMTOOL");
        if (explicit != null && !explicit.isBlank()) {
            candidates.add(Path.of(explicit));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "promtool"));
            }
        }
        String installDir = System.getenv("PROMTOOL_DIR");
        if (installDir != null && !installDir.isBlank()) {
            candidates.add(Path.of(installDir, "promtool"));
        }
        candidates.add(Path.of("/usr/local/bin/promtool"));
        candidates.add(Path.of(System.getProperty("user.home"), ".local/bin/promtool"));
        return candidates.stream()
                .filter(Files::isExecutable)
                .filter(Files::isRegularFile)
                .map(Path::toString)
                .findFirst();
    }

    private record Run(int exitCode, String output) {}

    private static Run promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(promtool));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }
}
