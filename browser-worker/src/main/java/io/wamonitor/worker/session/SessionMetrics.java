package io.wamonitor.worker.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Recoveries an SRE wants to see on a dashboard. */
@Component
class SessionMetrics {

    final Counter pageCrashes;
    final Counter browserRelaunches;
    final Counter launchFailures;
    final Counter backfilledMessages;
    final Counter droppedChanges;
    private final MeterRegistry registry;

    private static final String[] HEAL_REASONS = {
        HealthWatch.SERVER_SILENT,
        HealthWatch.PAGE_UNRESPONSIVE,
        HealthWatch.RENDERER_CRASHED,
        HealthWatch.BROWSER_EXITED,
        HealthWatch.PAGE_ERROR
    };
    private static final String[] HEAL_STEPS = {"reload", "relaunch", "give_up"};

    SessionMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Every series exists from the start at 0: Prometheus's increase() cannot see a series' first sample.
        for (String reason : HEAL_REASONS) {
            for (String step : HEAL_STEPS) {
                heals(reason, step);
            }
        }
        pageCrashes = Counter.builder("wamonitor.worker.page.crashes")
                .description("Renderer crashes recovered with a new page in the same browser")
                .register(registry);
        browserRelaunches = Counter.builder("wamonitor.worker.browser.relaunches")
                .description("Browsers relaunched after their process went away")
                .register(registry);
        launchFailures = Counter.builder("wamonitor.worker.browser.launch.failures")
                .description("Browser launches or page loads that failed")
                .register(registry);
        backfilledMessages = Counter.builder("wamonitor.worker.messages.backfilled")
                .description("Messages found in WhatsApp Web's store after a restart or outage that had never been "
                        + "captured, reported late rather than lost")
                .register(registry);
        droppedChanges = Counter.builder("wamonitor.worker.message.changes.dropped")
                .description("Reactions, edits and deletions not reported because the journal was full (WhatsApp "
                        + "Web keeps no history of them to report later)")
                .register(registry);
    }

    /** A heal step ({@code step}) started for {@code reason} (the signal that found the session stalled or gone). */
    void heal(String reason, String step) {
        heals(reason, step).increment();
    }

    private Counter heals(String reason, String step) {
        return Counter.builder("wamonitor.worker.session.heals")
                .description("Heal steps of sessions by the signal that started them (server_silent, "
                        + "page_unresponsive, renderer_crashed, browser_exited) and the step (reload, relaunch, "
                        + "give_up)")
                .tags("reason", reason, "step", step)
                .register(registry);
    }
}
