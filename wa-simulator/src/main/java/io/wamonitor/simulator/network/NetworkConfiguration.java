package io.wamonitor.simulator.network;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The network's clock and the one thread its timers (QR rotation, code refresh, receipts) run on. */
@Configuration(proxyBeanMethods = false)
class NetworkConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService networkScheduler() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "whatsapp-network");
            t.setDaemon(true);
            return t;
        });
    }
}
