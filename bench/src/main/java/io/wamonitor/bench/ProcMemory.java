package io.wamonitor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The proportional set size of one process (a JVM we started), from Linux's /proc; 0 where unreadable. */
final class ProcMemory {

    private ProcMemory() {}

    static long pss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.substring(4).replace("kB", "").trim()) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
