package io.wamonitor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Proportional set sizes from Linux's /proc (0 where they cannot be read). */
final class ProcMemory {

    private ProcMemory() {
    }

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

    /**
     * One account's browser by kind of process: the Chromium started with this profile and its descendants
     * (named by their --type and --utility-sub-type), and the Playwright driver that launched it.
     */
    static Map<String, Long> breakdown(Path profile) {
        Map<String, Long> kinds = new TreeMap<>();
        List<long[]> parents = new ArrayList<>();
        Map<Long, String> cmdlines = new java.util.HashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(dir -> {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    long pid = Long.parseLong(dir.getFileName().toString());
                    long ppid = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
                    parents.add(new long[]{pid, ppid});
                    cmdlines.put(pid, new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' '));
                } catch (IOException | RuntimeException gone) {
                    // ended while listed
                }
            });
        } catch (IOException e) {
            return kinds;
        }
        String flag = "--user-data-dir=" + profile;
        Long browser = cmdlines.entrySet().stream()
                .filter(e -> e.getValue().contains(flag) && !e.getValue().contains("--type="))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (browser == null) {
            return kinds;
        }
        parents.stream().filter(p -> p[0] == browser).findFirst().ifPresent(p -> {
            if (cmdlines.getOrDefault(p[1], "").contains("playwright")) {
                kinds.merge("playwright driver", pss(p[1]), Long::sum);
            }
        });
        Deque<Long> pending = new ArrayDeque<>(List.of(browser));
        while (!pending.isEmpty()) {
            long pid = pending.pop();
            kinds.merge(kind(cmdlines.getOrDefault(pid, "")), pss(pid), Long::sum);
            parents.stream().filter(p -> p[1] == pid).forEach(p -> pending.add(p[0]));
        }
        return kinds;
    }

    private static String kind(String cmdline) {
        String type = value(cmdline, "--type=");
        if (type == null) {
            return "chromium browser";
        }
        String sub = value(cmdline, "--utility-sub-type=");
        return "chromium " + type + (sub != null ? " (" + sub.replace(".mojom.", " ") + ")" : "");
    }

    private static String value(String cmdline, String flag) {
        int at = cmdline.indexOf(flag);
        if (at < 0) {
            return null;
        }
        int end = cmdline.indexOf(' ', at);
        return cmdline.substring(at + flag.length(), end < 0 ? cmdline.length() : end);
    }
}
