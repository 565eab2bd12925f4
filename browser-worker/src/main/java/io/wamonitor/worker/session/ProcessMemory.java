package io.wamonitor.worker.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How much memory each account's browser takes, read from Linux's /proc: the proportional set size (PSS, so
 * pages Chromium processes share are split between them rather than counted in each) of the Chromium process
 * tree started with the account's profile, plus the Playwright driver process that launched it (one per
 * session). Off Linux, or when /proc cannot be read, accounts are simply missing from the answer.
 */
final class ProcessMemory {

    private static final Path PROC = Path.of("/proc");

    private record Process(long pid, long parent, String cmdline) {}

    private ProcessMemory() {}

    /**
     * Bytes per profile directory and kind of process ({@code driver}, {@code browser}, or Chromium's
     * {@code --type}: {@code renderer}, {@code gpu-process}, {@code utility}, {@code zygote}), for the profiles
     * whose browser is running.
     */
    static Map<Path, Map<String, Long>> byProfile(List<Path> profiles) {
        Map<Path, Map<String, Long>> memory = new HashMap<>();
        List<Process> all = processes();
        if (all.isEmpty() || profiles.isEmpty()) {
            return memory;
        }
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, Process> byPid = new HashMap<>();
        for (Process process : all) {
            children.computeIfAbsent(process.parent(), p -> new ArrayList<>()).add(process.pid());
            byPid.put(process.pid(), process);
        }
        for (Path profile : profiles) {
            String flag = "--user-data-dir=" + profile;
            Process browser = all.stream()
                    .filter(p -> p.cmdline().contains(flag) && !p.cmdline().contains("--type="))
                    .findFirst()
                    .orElse(null);
            if (browser == null) {
                continue;
            }
            Map<String, Long> kinds = new TreeMap<>();
            Process driver = byPid.get(browser.parent());
            if (driver != null && driver.cmdline().contains("playwright")) {
                kinds.merge("driver", pss(driver.pid()), Long::sum);
            }
            Deque<Long> pending = new ArrayDeque<>(List.of(browser.pid()));
            while (!pending.isEmpty()) {
                long pid = pending.pop();
                Process process = byPid.get(pid);
                kinds.merge(process == null ? "browser" : kindOf(process.cmdline()), pss(pid), Long::sum);
                pending.addAll(children.getOrDefault(pid, List.of()));
            }
            memory.put(profile, kinds);
        }
        return memory;
    }

    private static String kindOf(String cmdline) {
        int at = cmdline.indexOf("--type=");
        if (at < 0) {
            return "browser";
        }
        int end = cmdline.indexOf(' ', at);
        return cmdline.substring(at + "--type=".length(), end < 0 ? cmdline.length() : end);
    }

    private static List<Process> processes() {
        List<Process> processes = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(dir -> {
                        try {
                            String stat = Files.readString(dir.resolve("stat"));
                            // "pid (comm) state ppid ...": comm may contain spaces and parentheses, so split after the
                            // last ')'.
                            String[] fields =
                                    stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            String cmdline = new String(
                                            Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                                    .replace('\0', ' ');
                            processes.add(new Process(
                                    Long.parseLong(dir.getFileName().toString()), Long.parseLong(fields[1]), cmdline));
                        } catch (IOException | RuntimeException gone) {
                            // The process ended while we looked, or is not ours to read.
                        }
                    });
        } catch (IOException | RuntimeException noProc) {
            return List.of();
        }
        return processes;
    }

    /** PSS in bytes from smaps_rollup, or the resident set from status where smaps_rollup is not available. */
    private static long pss(long pid) {
        Path dir = PROC.resolve(Long.toString(pid));
        for (String[] source : new String[][] {{"smaps_rollup", "Pss:"}, {"status", "VmRSS:"}}) {
            try {
                for (String line : Files.readAllLines(dir.resolve(source[0]))) {
                    if (line.startsWith(source[1])) {
                        return Long.parseLong(line.substring(source[1].length())
                                        .replace("kB", "")
                                        .trim())
                                * 1024;
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // try the next source
            }
        }
        return 0;
    }
}
