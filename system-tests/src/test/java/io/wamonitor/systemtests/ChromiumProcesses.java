package io.wamonitor.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Chromium processes found by the profile directory on their command line, as an operator would with ps.
 * Read from /proc directly: Chromium rewrites its children's command lines, which ProcessHandle cannot parse.
 */
final class ChromiumProcesses {

    private ChromiumProcesses() {}

    /** Browser processes of the profiles under {@code dir}, and all their children (zygotes, renderers, ...). */
    static List<ProcessHandle> using(Path dir) {
        String needle = dir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> {
                    String line = commandLine(p);
                    return line.contains("chromium") && line.contains("--user-data-dir=" + needle);
                })
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .distinct()
                .toList();
    }

    /**
     * Kills every renderer of the profiles under {@code dir} (kill -9), as an out-of-memory killer would.
     * Renderers are found as the browsers' descendants: Chromium truncates their own command lines.
     */
    static int killRenderers(Path dir) {
        List<ProcessHandle> renderers = using(dir).stream()
                .filter(p -> commandLine(p).contains("--type=renderer"))
                .toList();
        renderers.forEach(ProcessHandle::destroyForcibly);
        return renderers.size();
    }

    /** Kills the browser processes themselves (kill -9), as a crash would. */
    static int killBrowsers(Path dir) {
        List<ProcessHandle> browsers = using(dir).stream()
                .filter(p -> {
                    String line = commandLine(p);
                    return !line.contains("--type=") && !line.contains("crashpad");
                })
                .toList();
        browsers.forEach(ProcessHandle::destroyForcibly);
        return browsers.size();
    }

    private static String commandLine(ProcessHandle process) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
