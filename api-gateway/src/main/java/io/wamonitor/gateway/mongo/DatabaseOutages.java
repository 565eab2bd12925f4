package io.wamonitor.gateway.mongo;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Scheduled jobs (webhook purge, liveness checks, metrics) meet MongoDB outages like everything else: each run
 * just fails and the next one tries again. Such a failure is one warning per outage, not an error with a stack
 * trace every few seconds; anything else a job throws is still logged as the error it is.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutages {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutages.class);

    /** The scheduler of {@code @Scheduled} jobs, as Boot would build it, with this error handler. */
    @Bean
    ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder) {
        ThreadPoolTaskScheduler scheduler = builder.build();
        AtomicBoolean away = new AtomicBoolean();
        scheduler.setErrorHandler(error -> {
            if (isOutage(error)) {
                if (away.compareAndSet(false, true)) {
                    log.warn(
                            "A scheduled job could not reach MongoDB ({}); jobs retry on their next run",
                            error.getMessage());
                }
                return;
            }
            away.set(false);
            log.error("Unexpected error in a scheduled job", error);
        });
        return scheduler;
    }

    private static boolean isOutage(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t.getClass().getName().startsWith("com.mongodb.MongoSocket")
                    || t.getClass().getName().equals("com.mongodb.MongoTimeoutException")) {
                return true;
            }
        }
        return false;
    }
}
