package io.wamonitor.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads series out of Prometheus' text exposition format, as a scrape sees them. */
public final class PrometheusText {

    private PrometheusText() {}

    /** One sample: its labels and value. */
    public record Sample(Map<String, String> labels, double value) {
        public String label(String name) {
            return labels.get(name);
        }
    }

    /** Every sample of the metric {@code name} (exactly that name, so {@code _bucket} series are separate). */
    public static List<Sample> samples(String exposition, String name) {
        List<Sample> samples = new ArrayList<>();
        exposition
                .lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .forEach(line -> samples.add(parse(line, name)));
        return samples;
    }

    /** The value of the first sample of {@code name} whose labels contain every {@code key="value"} given, or null. */
    public static Double value(String exposition, String name, String... labels) {
        return exposition
                .lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> {
                    String head = line.contains("}") ? line.substring(0, line.indexOf('}')) : "";
                    for (String label : labels) {
                        if (!head.contains(label)) {
                            return false;
                        }
                    }
                    return true;
                })
                .map(line -> parse(line, name).value())
                .findFirst()
                .orElse(null);
    }

    private static Sample parse(String line, String name) {
        Map<String, String> labels = new LinkedHashMap<>();
        int close = line.lastIndexOf('}');
        if (line.startsWith(name + "{") && close > 0) {
            String body = line.substring(name.length() + 1, close);
            int i = 0;
            while (i < body.length()) {
                int eq = body.indexOf('=', i);
                if (eq < 0) {
                    break;
                }
                String key = body.substring(i, eq).trim();
                StringBuilder value = new StringBuilder();
                int j = eq + 2; // past ="
                while (j < body.length() && body.charAt(j) != '"') {
                    if (body.charAt(j) == '\\' && j + 1 < body.length()) {
                        j++;
                    }
                    value.append(body.charAt(j));
                    j++;
                }
                labels.put(key, value.toString());
                i = j + 2; // past ",
            }
        }
        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        return new Sample(labels, value);
    }
}
