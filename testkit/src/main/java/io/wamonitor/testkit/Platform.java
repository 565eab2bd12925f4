package io.wamonitor.testkit;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A platform installation for one test: its own broker namespace, data directory and ports, with gateway and
 * worker processes started and stopped as the scenario needs.
 */
public final class Platform implements AutoCloseable {

    public static final Duration STARTUP = Duration.ofSeconds(90);

    private final String namespace = RabbitBroker.get().newNamespace();
    private final Path dataDir =
            Path.of("target", "system-data", UUID.randomUUID().toString()).toAbsolutePath();
    private final int gatewayPort = AppProcess.freePort();
    private final int workerPort = AppProcess.freePort();
    private final int simulatorPort = AppProcess.freePort();
    private final Path sessionsDir =
            Path.of("target", "system-sessions", UUID.randomUUID().toString()).toAbsolutePath();
    private AppProcess simulator;
    private final Map<String, String> extraEnv = new HashMap<>();
    private final List<AppProcess> started = new ArrayList<>();
    private AppProcess gateway;
    private AppProcess worker;
    private final Map<String, AppProcess> hostWorkers = new LinkedHashMap<>();
    private final Map<String, Integer> hostWorkerPorts = new HashMap<>();
    private final List<AppProcess> gateways = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>(List.of(ApiClient.TEST_API_KEY));
    private final List<String> tolerated = new ArrayList<>();

    public Platform with(String key, String value) {
        extraEnv.put(key, value);
        return this;
    }

    public String namespace() {
        return namespace;
    }

    public ApiClient api() {
        return ApiClient.onPort(gatewayPort);
    }

    public AppProcess startGateway() {
        gateway = startGatewayOn(gatewayPort, "gateway");
        return gateway;
    }

    /**
     * The simulator, the gateway and a worker named {@code workerId}, their JVMs launched together (they start in
     * parallel, each needs only the broker), returning once the simulator and the gateway answer.
     */
    public AppProcess startAll(String workerId) {
        launchSimulator();
        gateway = launchGateway(gatewayPort, "gateway");
        AppProcess startedWorker = startWorker(workerId);
        awaitSimulator();
        awaitGateway(gateway, gatewayPort, "gateway");
        return startedWorker;
    }

    /**
     * Another gateway instance on a port of its own, sharing the first one's broker namespace and MongoDB (so the
     * platform must have {@code MONGO_URL} set, e.g. to a {@link MongoWire}), as behind a load balancer.
     */
    public AppProcess startAnotherGateway(int port) {
        if (!extraEnv.containsKey("MONGO_URL") || extraEnv.get("MONGO_URL").isBlank()) {
            throw new IllegalStateException("gateways share a database only through MONGO_URL");
        }
        return startGatewayOn(port, "gateway-" + port);
    }

    private AppProcess startGatewayOn(int port, String name) {
        AppProcess process = launchGateway(port, name);
        awaitGateway(process, port, name);
        return process;
    }

    private AppProcess launchGateway(int port, String name) {
        Map<String, String> env = commonEnv();
        env.put("PORT", String.valueOf(port));
        env.put("DATA_DIR", dataDir.toString());
        env.putIfAbsent("API_KEYS", ApiClient.TEST_API_KEY);
        AppProcess process = new AppProcess(name, "gateway.jar", env).start();
        started.add(process);
        gateways.add(process);
        return process;
    }

    private static void awaitGateway(AppProcess process, int port, String name) {
        ApiClient api = ApiClient.onPort(port);
        await(name + " answering")
                .atMost(STARTUP)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(name + " exited:\n" + process.log());
                    }
                    return api.get("/api").status() == 200;
                });
    }

    /** wa-simulator, as WhatsApp for the worker; QR codes rotate every 2 s here. */
    public AppProcess startSimulator() {
        launchSimulator();
        awaitSimulator();
        return simulator;
    }

    private void launchSimulator() {
        Map<String, String> env = new HashMap<>();
        env.put("SIM_PORT", String.valueOf(simulatorPort));
        env.put("SIM_QR_INTERVAL", "2s");
        env.put("SIM_CIPHERTEXT_RATE", "0");
        env.put("SIM_DATA_DIR", dataDir.resolve("simulator").toString());
        env.putAll(extraEnv);
        simulator = new AppProcess("simulator", "simulator.jar", env).start();
        started.add(simulator);
    }

    private void awaitSimulator() {
        ApiClient sim = simulator();
        AppProcess process = simulator;
        await("simulator answering")
                .atMost(STARTUP)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the simulator exited:\n" + process.log());
                    }
                    return sim.get("/sim/phones").status() == 200;
                });
    }

    /** Stops the simulator (gracefully); {@link #startSimulator()} starts it again on its port and data. */
    public void stopSimulator() {
        if (simulator != null) {
            simulator.stop();
        }
    }

    public ApiClient simulator() {
        return ApiClient.onPort(simulatorPort);
    }

    public ApiClient workerHttp() {
        return ApiClient.onPort(workerPort);
    }

    public Path sessionsDir() {
        return sessionsDir;
    }

    /**
     * A worker as on a host of its own: its own port and sessions directory ({@link #sessionsDir(String)}). Started
     * again with the same id, it finds its directory (and journal) as it left them.
     */
    public AppProcess startWorkerOnItsOwnHost(String workerId) {
        int port = hostWorkerPorts.computeIfAbsent(workerId, id -> AppProcess.freePort());
        Map<String, String> env = commonEnv();
        env.put("WORKER_PORT", String.valueOf(port));
        env.put("WORKER_ID", workerId);
        env.put("WORKER_HEARTBEAT_INTERVAL", "1s");
        env.put("WHATSAPP_SESSIONS_DIR", sessionsDir(workerId).toString());
        env.put("WA_WEB_URL", simulator != null ? "http://127.0.0.1:" + simulatorPort + "/" : "http://127.0.0.1:9/");
        AppProcess process = new AppProcess(workerId, "worker.jar", env).start();
        started.add(process);
        hostWorkers.put(workerId, process);
        return process;
    }

    /** The sessions directory of a worker started with {@link #startWorkerOnItsOwnHost(String)}. */
    public Path sessionsDir(String workerId) {
        return sessionsDir.resolve(workerId);
    }

    /** The worker started last under this id with {@link #startWorkerOnItsOwnHost(String)}. */
    public AppProcess worker(String workerId) {
        return hostWorkers.get(workerId);
    }

    /** The health and metrics port of a worker started with {@link #startWorkerOnItsOwnHost(String)}. */
    public ApiClient workerHttp(String workerId) {
        return ApiClient.onPort(hostWorkerPorts.get(workerId));
    }

    public AppProcess startWorker(String workerId) {
        Map<String, String> env = commonEnv();
        env.put("WORKER_PORT", String.valueOf(workerPort));
        env.put("WORKER_ID", workerId);
        env.put("WORKER_HEARTBEAT_INTERVAL", "1s");
        env.put("WHATSAPP_SESSIONS_DIR", sessionsDir.toString());
        env.put("WA_WEB_URL", simulator != null ? "http://127.0.0.1:" + simulatorPort + "/" : "http://127.0.0.1:9/");
        worker = new AppProcess("worker", "worker.jar", env).start();
        started.add(worker);
        return worker;
    }

    /**
     * Links the account to {@code phone} as a person would: the QR code the API shows is scanned with the
     * simulated phone (again if it rotated just then), and the account is awaited READY.
     */
    public void link(String accountId, String phone) {
        ApiClient api = api();
        ApiClient sim = simulator();
        await("scan of the QR code of " + accountId)
                .atMost(STARTUP)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    ApiClient.Response qr = api.get("/api/accounts/" + accountId + "/qr?format=text");
                    if (qr.status() != 200 || !qr.body().startsWith("2@")) {
                        return false;
                    }
                    return sim.post("/sim/link", "{\"qr\":\"" + qr.body() + "\",\"phone\":\"" + phone + "\"}")
                                    .status()
                            == 200;
                });
        awaitStatus(accountId, "READY");
    }

    /** Waits until the account has {@code status}. */
    public void awaitStatus(String accountId, String status) {
        ApiClient api = api();
        await("account " + accountId + " " + status)
                .atMost(STARTUP)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    // On a timeout the message names the status and reason the account had instead.
                    ApiClient.Response account = api.get("/api/accounts/" + accountId);
                    if (!status.equals(account.text("status"))) {
                        throw new AssertionError("expected " + status + ", was " + account.text("status") + " ("
                                + account.text("status_reason") + ")");
                    }
                });
    }

    /** The gateway started last. */
    public AppProcess gateway() {
        return gateway;
    }

    /** The worker started last. */
    public AppProcess worker() {
        return worker;
    }

    /**
     * Error lines containing {@code fragment} are expected (a fault test makes the fault that causes them) and do
     * not fail the platform when it closes.
     */
    public Platform tolerating(String fragment) {
        tolerated.add(fragment);
        return this;
    }

    /** Something no process may log (the API key always is one); checked when the platform closes. */
    public void secret(String secret) {
        secrets.add(secret);
    }

    public boolean gatewayLogContains(String text) {
        return gateway != null && gateway.log().contains(text);
    }

    /** Whether any gateway process this platform started (also ones stopped since) logged {@code text}. */
    public boolean anyGatewayLogContains(String text) {
        return gateways.stream().anyMatch(g -> g.log().contains(text));
    }

    private Map<String, String> commonEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("RABBITMQ_URL", RabbitBroker.get().url());
        env.put("RABBITMQ_NAMESPACE", namespace);
        env.put("MONGO_URL", "");
        env.putAll(extraEnv);
        return env;
    }

    /**
     * Stops the processes, then fails if any logged an error (a passing scenario logs none) or any of the
     * {@link #secret secrets}.
     */
    @Override
    public void close() {
        if (worker != null) {
            worker.stop();
        }
        hostWorkers.values().forEach(AppProcess::stop);
        gateways.forEach(AppProcess::stop);
        if (simulator != null) {
            simulator.stop();
        }
        for (AppProcess process : started) {
            List<String> errors = process.log()
                    .lines()
                    .filter(line -> line.contains(" ERROR ") || line.contains("Retries exhausted"))
                    .filter(line -> tolerated.stream().noneMatch(line::contains))
                    .toList();
            if (!errors.isEmpty()) {
                throw new AssertionError(process + " logged errors:\n" + String.join("\n", errors));
            }
            String log = process.log();
            for (String secret : secrets) {
                if (log.contains(secret)) {
                    throw new AssertionError(process + " logged a secret (" + secret.substring(0, 4) + "...)");
                }
            }
        }
    }
}
