package io.wamonitor.gateway.worker;

import io.wamonitor.amqp.EnvelopeListener;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.Payload;
import io.wamonitor.contracts.event.AccountQrChanged;
import io.wamonitor.contracts.event.AccountStatusChanged;
import io.wamonitor.contracts.event.CommandResult;
import io.wamonitor.contracts.event.ProfileBackedUp;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.gateway.api.WorkerEvent;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Consumes the workers' events from the shared queue (each event reaches one gateway instance): decode (what
 * cannot be decoded is dead-lettered), drop repeats, and hand each one to the features as a {@link WorkerEvent}.
 * What a session reports about itself (status, QR code, command results, backups) counts only from the account's
 * owner under its current epoch: a worker that lost the account (declared dead, then back) cannot overwrite the
 * owner's status. Messages and receipts are facts whoever reports them, and always pass. Heartbeats are handled
 * by each instance from its own copy ({@link InstanceEventListener}). An event is acknowledged only after every
 * feature stored what it needed; a failure is retried (see AmqpConfiguration).
 */
@Component
class WorkerEventListener {

    private static final Logger log = LoggerFactory.getLogger(WorkerEventListener.class);

    private final EnvelopeListener envelopes;
    private final ApplicationEventPublisher features;
    private final Assignments assignments;

    WorkerEventListener(EnvelopeCodec codec, ApplicationEventPublisher features, Assignments assignments) {
        this.envelopes = new EnvelopeListener(codec, "event");
        this.features = features;
        this.assignments = assignments;
    }

    @RabbitListener(queues = "#{@amqpTopology.gatewayEventsQueue()}")
    void onEvent(Message message) {
        envelopes
                .accept(message, envelope -> !(envelope.payload() instanceof WorkerHeartbeat))
                .ifPresent(envelope -> {
                    if (envelope.payload() instanceof WorkerHeartbeat) {
                        return;
                    }
                    if (envelope.payload() instanceof CommandResult result) {
                        logRejection(envelope, result);
                    }
                    if (envelope.accountId() != null) {
                        MDC.put("account_id", envelope.accountId().toString());
                    }
                    try {
                        if (fromTheOwner(envelope)) {
                            features.publishEvent(new WorkerEvent<>(envelope));
                        }
                    } finally {
                        MDC.remove("account_id");
                    }
                    envelopes.handled(envelope.id());
                });
    }

    /** Whether a session's report about itself comes from the account's owner under its current epoch. */
    private boolean fromTheOwner(Envelope<Payload> envelope) {
        String worker = reportingWorker(envelope.payload()).orElse(null);
        if (worker == null || envelope.accountId() == null || envelope.epoch() == null) {
            return true;
        }
        Optional<Assignment> assignment = assignments.find(envelope.accountId().toString());
        if (assignment.isEmpty() || !assignment.get().placed()) {
            return true;
        }
        boolean current = worker.equals(assignment.get().worker())
                && envelope.epoch() == assignment.get().epoch();
        if (!current) {
            log.info(
                    "Ignoring {} for account {} from worker {} (epoch {}): the account belongs to {} (epoch {})",
                    envelope.type(),
                    envelope.accountId(),
                    worker,
                    envelope.epoch(),
                    assignment.get().worker(),
                    assignment.get().epoch());
        }
        return current;
    }

    private static Optional<String> reportingWorker(Payload payload) {
        if (payload instanceof AccountStatusChanged status) {
            return Optional.ofNullable(status.workerId());
        }
        if (payload instanceof AccountQrChanged qr) {
            return Optional.ofNullable(qr.workerId());
        }
        if (payload instanceof CommandResult result) {
            return Optional.ofNullable(result.workerId());
        }
        if (payload instanceof ProfileBackedUp backup) {
            return Optional.ofNullable(backup.workerId());
        }
        return Optional.empty();
    }

    private static void logRejection(Envelope<Payload> envelope, CommandResult result) {
        if (result.outcome() == CommandResult.Outcome.REJECTED) {
            log.warn(
                    "Worker {} rejected {} for account {}: {} ({})",
                    result.workerId(),
                    result.commandType(),
                    envelope.accountId(),
                    result.code(),
                    result.message());
        }
    }
}
