package io.wamonitor.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real broker outage: the local RabbitMQ's application is stopped ({@code rabbitmqctl stop_app}), with its
 * queues and their persistent messages kept on disk, and started again by {@link #close()}, which a test runs
 * even when it fails (try-with-resources): the next test and CI share the broker.
 */
public final class BrokerOutage implements AutoCloseable {

    private final RabbitBroker broker;
    private boolean stopped;

    private BrokerOutage(RabbitBroker broker) {
        this.broker = broker;
    }

    /** Whether this run's broker is the local one that rabbitmqctl controls. */
    public static boolean possible() {
        return "local broker".equals(RabbitBroker.get().source())
                && rabbitmqctl("status").ok();
    }

    /** Stops the broker now; {@link #close()} (or {@link #end()}) starts it again. */
    public static BrokerOutage begin() {
        BrokerOutage outage = new BrokerOutage(RabbitBroker.get());
        Result result = rabbitmqctl("stop_app");
        if (!result.ok()) {
            throw new IllegalStateException("rabbitmqctl stop_app failed: " + result.output());
        }
        outage.stopped = true;
        return outage;
    }

    /** Starts the broker again and waits until it takes connections. */
    public void end() {
        if (!stopped) {
            return;
        }
        Result result = rabbitmqctl("start_app");
        await("the broker answers again")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    broker.assertReachable();
                    return true;
                });
        stopped = false;
        if (!result.ok()) {
            throw new IllegalStateException("rabbitmqctl start_app failed: " + result.output());
        }
    }

    @Override
    public void close() {
        end();
    }

    private record Result(boolean ok, String output) {}

    private static Result rabbitmqctl(String command) {
        try {
            Process process = new ProcessBuilder(List.of("rabbitmqctl", "-q", command))
                    .redirectErrorStream(true)
                    .start();
            boolean finished = process.waitFor(120, TimeUnit.SECONDS);
            String output = new String(process.getInputStream().readAllBytes());
            return new Result(finished && process.exitValue() == 0, output);
        } catch (IOException e) {
            return new Result(false, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, e.toString());
        }
    }
}
