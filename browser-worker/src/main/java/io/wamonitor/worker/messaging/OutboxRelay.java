package io.wamonitor.worker.messaging;

import io.wamonitor.amqp.AmqpSettings;
import io.wamonitor.amqp.EnvelopeMessages;
import io.wamonitor.contracts.AmqpTopology;
import io.wamonitor.worker.journal.CaptureCursors;
import io.wamonitor.worker.journal.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hands the outbox to the broker, oldest first, in batches that count as sent only once the broker confirmed
 * every message in them; then they leave the outbox and move the capture cursors. While the broker is away it
 * tries again with backoff (capture goes on into the outbox meanwhile); a batch confirmed only in part is sent
 * again whole, and the gateway drops the repeats by envelope id. One thread, so events leave in the order they
 * were captured.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private static final long BATCH_BYTES = 8L * 1024 * 1024;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** On shutdown the relay keeps sending this long at most; what is left waits in the journal. */
    private static final Duration DRAIN_ON_STOP = Duration.ofSeconds(5);

    private final Outbox outbox;
    private final CaptureCursors cursors;
    private final EnvelopeMessages messages;
    private final AmqpTopology topology;
    private final AmqpSettings amqp;
    private final Clock clock;
    private volatile boolean running;
    private volatile Instant stopBy;
    private Thread thread;

    OutboxRelay(
            Outbox outbox,
            CaptureCursors cursors,
            EnvelopeMessages messages,
            AmqpTopology topology,
            AmqpSettings amqp,
            Clock clock) {
        this.outbox = outbox;
        this.cursors = cursors;
        this.messages = messages;
        this.topology = topology;
        this.amqp = amqp;
        this.clock = clock;
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        Instant failingSince = null;
        long sentWhileFailing = 0;
        while (running || (stopBy != null && clock.instant().isBefore(stopBy) && outbox.depth() > 0)) {
            List<Outbox.Entry> batch;
            try {
                batch = outbox.oldest(BATCH, BATCH_BYTES, Duration.ofMillis(running ? 500 : 50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch.isEmpty()) {
                if (!running) {
                    return;
                }
                continue;
            }
            try {
                send(batch);
                cursors.confirmed(batch);
                outbox.confirmed(batch);
                if (failingSince != null) {
                    log.info(
                            "The broker confirms events again; the journal had kept them for {} s",
                            Duration.between(failingSince, clock.instant()).toSeconds());
                    failingSince = null;
                }
                backoff = FIRST_BACKOFF;
            } catch (AmqpException | IllegalStateException e) {
                if (failingSince == null) {
                    failingSince = clock.instant();
                    log.warn(
                            "The broker does not confirm events ({}); keeping them in the journal ({} waiting) "
                                    + "and trying again",
                            e.getMessage(),
                            outbox.depth());
                }
                if (!running) {
                    return;
                }
                // Backoff between attempts while the broker is away; the relay is this thread's only job.
                LockSupport.parkNanos(backoff.toNanos());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void send(List<Outbox.Entry> batch) {
        messages.publishConfirmed(
                topology.eventsExchange(),
                batch.stream()
                        .map(entry -> new EnvelopeMessages.Routed(
                                entry.type(),
                                EnvelopeMessages.persistent(
                                        entry.envelopeId(), entry.type(), entry.recordedAt(), entry.body())))
                        .toList());
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** After the sessions (phase below theirs): their last status events are recorded, then sent if possible. */
    @Override
    public void stop() {
        stopBy = clock.instant().plus(DRAIN_ON_STOP);
        running = false;
        try {
            thread.join(DRAIN_ON_STOP
                    .plusSeconds(amqp.confirmTimeout().toSeconds() + 1)
                    .toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (outbox.depth() > 0) {
            log.info("{} events stay in the journal until the next start", outbox.depth());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return -100;
    }
}
