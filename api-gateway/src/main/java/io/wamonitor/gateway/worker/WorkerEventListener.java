package io.wamonitor.gateway.worker;

import io.wamonitor.amqp.EnvelopeListener;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.Payload;
import io.wamonitor.contracts.event.CommandResult;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.gateway.api.WorkerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Consumes the workers' events: decode (what cannot be decoded is dead-lettered), drop repeats, and hand each
 * one to the features as a {@link WorkerEvent}. It is acknowledged only after every feature stored what it
 * needed; a failure is retried (see AmqpConfiguration).
 */
@Component
class WorkerEventListener {

    private static final Logger log = LoggerFactory.getLogger(WorkerEventListener.class);

    private final EnvelopeListener envelopes;
    private final ApplicationEventPublisher features;

    WorkerEventListener(EnvelopeCodec codec, ApplicationEventPublisher features) {
        this.envelopes = new EnvelopeListener(codec, "event");
        this.features = features;
    }

    @RabbitListener(queues = "#{@amqpTopology.gatewayEventsQueue()}")
    void onEvent(Message message) {
        envelopes
                .accept(message, envelope -> !(envelope.payload() instanceof WorkerHeartbeat))
                .ifPresent(envelope -> {
                    if (envelope.payload() instanceof CommandResult result) {
                        logRejection(envelope, result);
                    }
                    features.publishEvent(new WorkerEvent<>(envelope));
                    envelopes.handled(envelope.id());
                });
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
