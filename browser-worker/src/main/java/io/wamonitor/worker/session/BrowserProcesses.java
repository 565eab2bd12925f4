package io.wamonitor.worker.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The Chromium processes of one profile, found by their command line (Linux, or any OS ProcessHandle can read). */
final class BrowserProcesses {

    private BrowserProcesses() {}

    /**
     * Asks the browser started with {@code profile} to quit (SIGTERM: Chromium closes its profile's files as on a
     * normal exit), and kills it and everything it started when it has not gone within {@code grace}; how many
     * browsers were told to go.
     */
    static int stop(Path profile, Duration grace) {
        List<ProcessHandle> browsers = browsers(profile);
        for (ProcessHandle browser : browsers) {
            List<ProcessHandle> children = browser.descendants().toList();
            browser.destroy();
            try {
                browser.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                browser.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                browser.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
        return browsers.size();
    }

    private static List<ProcessHandle> browsers(Path profile) {
        String flag = "--user-data-dir=" + profile;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(line -> line.contains(flag) && !line.contains("--type="))
                        .orElse(false))
                .toList();
    }
}
