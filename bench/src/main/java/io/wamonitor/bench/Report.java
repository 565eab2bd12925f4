package io.wamonitor.bench;

import static io.wamonitor.bench.Measurements.max;
import static io.wamonitor.bench.Measurements.mean;
import static io.wamonitor.bench.Measurements.percentile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Writes a run's results into docs/PERFORMANCE.md, between the markers, keeping the rest of the page. */
final class Report {

    static final String START = "<!-- bench:start -->";
    static final String END = "<!-- bench:end -->";

    private Report() {}

    static void write(Path file, Measurements m) throws IOException {
        String page = Files.exists(file) ? Files.readString(file) : "# Performance\n\n" + START + "\n" + END + "\n";
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        if (start < 0 || end < start) {
            page = page + "\n" + START + "\n" + END + "\n";
            start = page.indexOf(START);
            end = page.indexOf(END);
        }
        String updated = page.substring(0, start + START.length()) + "\n" + section(m) + page.substring(end);
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }

    static String section(Measurements m) {
        StringBuilder out = new StringBuilder();
        out.append("Measured on ")
                .append(LocalDate.now())
                .append(" with `./mvnw -B -q install -DskipTests && ")
                .append("./mvnw -B -q -pl bench exec:java -Dbench.accounts=")
                .append(m.accounts)
                .append(" -Dbench.messages=")
                .append(m.messages)
                .append(m.spacing > 0 ? " -Dbench.spacing=" + m.spacing : "")
                .append("`\n");
        out.append("(").append(Machine.describe()).append("; JVMs with `-Xmx256m`, wa-simulator as WhatsApp).\n\n");

        out.append("| Memory | Value |\n|---|---|\n");
        row(
                out,
                "Per linked account: its browser (Chromium tree + Playwright driver, PSS), mean",
                mb(mean(m.browserBytes)));
        row(out, "Per linked account: its browser, largest", mb(max(m.browserBytes)));
        row(out, "Per linked account, including its share of the worker JVM's growth", mb(m.perAccountBytes()));
        row(
                out,
                "Worker JVM, idle / with " + m.accounts + " accounts",
                mb(m.idleWorkerBytes) + " / " + mb(m.loadedWorkerBytes));
        row(
                out,
                "Gateway JVM, idle / with " + m.accounts + " accounts",
                mb(m.idleGatewayBytes) + " / " + mb(m.loadedGatewayBytes));
        long total = m.loadedGatewayBytes
                + m.loadedWorkerBytes
                + m.browserBytes.stream().mapToLong(Long::longValue).sum();
        row(out, "Whole platform with " + m.accounts + " accounts (gateway + worker + browsers)", mb(total));

        out.append("\nOne account's browser by process (PSS):\n\n| Process | Memory |\n|---|---|\n");
        m.breakdown.forEach((kind, bytes) -> row(out, kind, mb(bytes)));

        out.append("\n| Time (ms) | p50 | p95 | max | n |\n|---|---|---|---|---|\n");
        times(out, "Create account -> first QR code", m.toQr);
        times(out, "QR scanned -> READY", m.scanToReady);
        String pace = m.spacing > 0 ? " (one every " + m.spacing + " ms)" : " (all at once)";
        times(out, "Inbound message on the phone -> webhook received" + pace, m.inboundToWebhook);
        times(
                out,
                "... of which: phone -> recorded by the gateway (simulator, browser, worker, RabbitMQ)",
                m.inboundToGateway);
        times(out, "... of which: recorded -> webhook received (MongoDB, dispatcher, HTTP)", m.gatewayToWebhook);
        times(out, "Send via API -> answer (WhatsApp accepted it)", m.sendAnswered);
        times(out, "Snapshot via API", m.snapshot);
        return out.toString();
    }

    private static void row(StringBuilder out, String what, String value) {
        out.append("| ").append(what).append(" | ").append(value).append(" |\n");
    }

    private static void times(StringBuilder out, String what, List<Long> values) {
        out.append("| ")
                .append(what)
                .append(" | ")
                .append(percentile(values, 50))
                .append(" | ")
                .append(percentile(values, 95))
                .append(" | ")
                .append(max(values))
                .append(" | ")
                .append(values.size())
                .append(" |\n");
    }

    private static String mb(long bytes) {
        return String.format("%.0f MB", bytes / 1_000_000.0);
    }
}
