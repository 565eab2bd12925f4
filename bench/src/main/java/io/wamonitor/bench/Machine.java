package io.wamonitor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The machine a run measured, in one line. */
final class Machine {

    private Machine() {}

    static String describe() {
        String memory = "?";
        try {
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB")
                    .findFirst()
                    .orElse("?");
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + memory + " RAM, Java "
                + System.getProperty("java.version") + ", " + chromium();
    }

    private static String chromium() {
        String path = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        try {
            Process process = new ProcessBuilder(path, "--version")
                    .redirectErrorStream(true)
                    .start();
            if (process.waitFor(20, TimeUnit.SECONDS)) {
                // Debian's wrapper script may print a warning line of its own first.
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .filter(line -> line.startsWith("Chromium"))
                        .findFirst()
                        .orElse("Chromium (version unknown)");
            }
            process.destroyForcibly();
        } catch (IOException e) {
            return "Chromium (version unknown)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "Chromium (version unknown)";
    }
}
