package io.wamonitor.worker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The worker's id, settled before anything starts (logging included): {@code WORKER_ID}, or worker-&lt;hostname&gt;.
 * With {@code LOG_FORMAT=json} every log line carries it as {@code worker_id}.
 */
public class WorkerIdentity implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String id = environment.getProperty("wamonitor.worker.id", "");
        Map<String, Object> settled = new HashMap<>();
        if (id.isBlank()) {
            id = "worker-" + hostname();
            settled.put("wamonitor.worker.id", id);
        }
        settled.put("logging.structured.json.add.worker_id", id);
        environment.getPropertySources().addFirst(new MapPropertySource("wamonitorWorkerIdentity", settled));
    }

    static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    /** After the configuration files are read (WORKER_ID is in them), before logging starts. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 15;
    }
}
