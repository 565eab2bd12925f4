package io.wamonitor.worker.session;

import java.nio.file.Path;

/** The Chromium processes of one profile, found by their command line (Linux, or any OS ProcessHandle can read). */
final class BrowserProcesses {

    private BrowserProcesses() {}

    /** Kills the browser started with {@code profile} and everything it started; how many processes were told to go. */
    static int kill(Path profile) {
        String flag = "--user-data-dir=" + profile;
        int[] killed = {0};
        ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(line -> line.contains(flag) && !line.contains("--type="))
                        .orElse(false))
                .forEach(browser -> {
                    browser.descendants().forEach(child -> {
                        if (child.destroyForcibly()) {
                            killed[0]++;
                        }
                    });
                    if (browser.destroyForcibly()) {
                        killed[0]++;
                    }
                });
        return killed[0];
    }
}
