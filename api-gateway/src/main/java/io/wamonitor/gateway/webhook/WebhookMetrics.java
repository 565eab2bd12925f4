package io.wamonitor.gateway.webhook;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What an SRE watches of webhook delivery: attempts by outcome and how long they took, deliveries given up,
 * how long an event waited from being recorded to being delivered (the number our delivery promise is judged
 * by), how many wait now, and the receivers' circuit breakers.
 */
@Component
class WebhookMetrics {

    enum Outcome {
        DELIVERED,
        HTTP_ERROR,
        REFUSED,
        CONNECTION_ERROR,
        BLOCKED,
        CIRCUIT_OPEN
    }

    private final MeterRegistry registry;
    private final Map<Outcome, Counter> attempts = new ConcurrentHashMap<>();
    private final Timer attemptDuration;
    private final Timer endToEnd;
    private final Counter givenUp;

    WebhookMetrics(MeterRegistry registry, DeliveryStore store) {
        this.registry = registry;
        this.attemptDuration = Timer.builder("wamonitor.webhook.attempt.duration")
                .description("Time of one webhook HTTP attempt, until the receiver answered or failed")
                .publishPercentileHistogram()
                .register(registry);
        this.endToEnd = Timer.builder("wamonitor.webhook.delivery.latency")
                .description("From recording an event to its successful delivery, retries included")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofHours(2))
                .register(registry);
        this.givenUp = Counter.builder("wamonitor.webhook.deliveries.failed")
                .description("Deliveries given up after WEBHOOK_MAX_ATTEMPTS (or refused by the SSRF guard)")
                .register(registry);
        Gauge.builder("wamonitor.webhook.deliveries.pending", store, DeliveryStore::countPending)
                .description("Deliveries waiting to be sent or retried")
                .register(registry);
    }

    void bind(CircuitBreakerRegistry breakers) {
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
    }

    void attempt(Outcome outcome, long millis) {
        attempts.computeIfAbsent(
                        outcome,
                        o -> Counter.builder("wamonitor.webhook.attempts")
                                .description("Webhook delivery attempts by outcome")
                                .tag("outcome", o.name().toLowerCase())
                                .register(registry))
                .increment();
        if (outcome != Outcome.CIRCUIT_OPEN && outcome != Outcome.BLOCKED) {
            attemptDuration.record(Duration.ofMillis(millis));
        }
    }

    void delivered(Duration sinceRecorded) {
        endToEnd.record(sinceRecorded.isNegative() ? Duration.ZERO : sinceRecorded);
    }

    void gaveUp() {
        givenUp.increment();
    }
}
