package io.wamonitor.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The metric names the shipped Grafana dashboards and Prometheus rules query. */
final class MonitoringFiles {

    private static final Pattern METRIC =
            Pattern.compile("\\b((?:wamonitor|resilience4j|http_server_requests|jvm|process)_[a-z0-9_]+)\\b");

    private MonitoringFiles() {}

    static Set<String> metricNames() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>(List.of(root.resolve("prometheus/alerts.yml")));
        try (Stream<Path> dashboards = Files.list(root.resolve("grafana/dashboards"))) {
            dashboards.filter(p -> p.toString().endsWith(".json")).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> names = new TreeSet<>();
        for (Path file : files) {
            try {
                Matcher matcher = METRIC.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (names.size() < 10) {
            throw new IllegalStateException("expected the dashboards and rules to use metrics, found " + names);
        }
        return names;
    }
}
