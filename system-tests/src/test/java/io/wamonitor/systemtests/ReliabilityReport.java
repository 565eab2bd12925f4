package io.wamonitor.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * What a fault test measured, one table row per fault (target/reliability.md, copied into docs/RELIABILITY.md):
 * what was done, messages sent, delivered, delivered more than once, and how long delivery took to recover.
 */
final class ReliabilityReport {

    private static final Path FILE = Path.of("target", "reliability.md");

    private ReliabilityReport() {}

    static void row(String fault, int sent, int delivered, int duplicates, Duration recovery) {
        String line = String.format(
                "| %s | %d | %d | %d | %.1f s |%n", fault, sent, delivered, duplicates, recovery.toMillis() / 1000.0);
        System.out.print("RELIABILITY " + line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
