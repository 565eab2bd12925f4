package io.wamonitor.systemtests;

import io.wamonitor.testsupport.ApiClient;
import io.wamonitor.testsupport.RabbitBroker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * A platform installation for one test: its own broker namespace, data directory and ports, with gateway and
 * worker processes started and stopped as the scenario needs.
 */
final class Platform implements AutoCloseable {

    static final Duration STARTUP = Duration.ofSeconds(90);

    private final String namespace = RabbitBroker.get().newNamespace();
    private final Path dataDir = Path.of("target", "system-data", UUID.randomUUID().toString()).toAbsolutePath();
    private final int gatewayPort = AppProcess.freePort();
    private final Map<String, String> extraEnv = new HashMap<>();
    private final List<AppProcess> started = new ArrayList<>();
    private AppProcess gateway;
    private AppProcess worker;

    Platform with(String key, String value) {
        extraEnv.put(key, value);
        return this;
    }

    ApiClient api() {
        return ApiClient.onPort(gatewayPort);
    }

    AppProcess startGateway() {
        Map<String, String> env = commonEnv();
        env.put("PORT", String.valueOf(gatewayPort));
        env.put("DATA_DIR", dataDir.toString());
        gateway = new AppProcess("gateway", "gateway.jar", env).start();
        started.add(gateway);
        ApiClient api = api();
        await("gateway answering").atMost(STARTUP).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    if (!gateway.isAlive()) {
                        throw new AssertionError("gateway exited:\n" + gateway.log());
                    }
                    return api.get("/api").status() == 200;
                });
        return gateway;
    }

    AppProcess startWorker(String workerId) {
        Map<String, String> env = commonEnv();
        env.put("WORKER_PORT", "0");
        env.put("WORKER_ID", workerId);
        env.put("WORKER_HEARTBEAT_INTERVAL", "1s");
        worker = new AppProcess("worker", "worker.jar", env).start();
        started.add(worker);
        return worker;
    }

    boolean gatewayLogContains(String text) {
        return gateway != null && gateway.log().contains(text);
    }

    private Map<String, String> commonEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("RABBITMQ_URL", RabbitBroker.get().url());
        env.put("RABBITMQ_NAMESPACE", namespace);
        env.put("MONGO_URL", "");
        env.putAll(extraEnv);
        return env;
    }

    /** Stops both processes, then fails if either logged an error: a passing scenario logs none. */
    @Override
    public void close() {
        if (worker != null) {
            worker.stop();
        }
        if (gateway != null) {
            gateway.stop();
        }
        for (AppProcess process : started) {
            List<String> errors = process.log().lines()
                    .filter(line -> line.contains(" ERROR ") || line.contains("Retries exhausted"))
                    .toList();
            if (!errors.isEmpty()) {
                throw new AssertionError(process + " logged errors:\n" + String.join("\n", errors));
            }
        }
    }
}
