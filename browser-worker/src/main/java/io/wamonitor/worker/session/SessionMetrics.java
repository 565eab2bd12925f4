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

    SessionMetrics(MeterRegistry registry) {
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
}
