package io.wamonitor.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One of the platform's packaged applications, run as its own process exactly as an operator runs it. */
public final class AppProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    AppProcess(String name, String jarProperty, Map<String, String> env) {
        this.name = name;
        this.jar = Path.of(System.getProperty(jarProperty, "missing-" + jarProperty));
        this.env = Map.copyOf(env);
        Path logDir = Path.of(System.getProperty("processes.logDir", "target/process-logs"));
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.log = logDir.resolve(name + "-" + System.nanoTime() + ".log");
    }

    public AppProcess start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist; run the build (./mvnw verify) first");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Tests favour start-up time; the benchmark passes production-like options instead.
        command.addAll(List.of(System.getProperty("processes.jvmArgs", "-Xmx256m -XX:TieredStopAtLevel=1")
                .split(" ")));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        return this;
    }

    /** The operating system's id of the process (for reading its memory). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** Like a crash or {@code kill -9}: no shutdown hooks run. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(15));
        }
    }

    /** Like Ctrl-C or {@code kill}: a graceful shutdown. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(Duration.ofSeconds(30))) {
                process.destroyForcibly();
                waitFor(Duration.ofSeconds(10));
            }
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + " (log " + log + ")";
    }

    /**
     * A port for a process to be started: free now, below the kernel's ephemeral range (Linux: 32768 and up), and
     * not handed out before in this JVM. A port from the ephemeral range could be taken, between this call and the
     * process binding it, by anything that binds port 0 (a webhook receiver, an outgoing connection): a worker once
     * failed to start because the test's receiver got its port.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = 20_000 + RANDOM.nextInt(12_000);
            if (!HANDED_OUT.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException inUse) {
                // taken by something else: another one
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    private static final Random RANDOM = new Random();
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
}
