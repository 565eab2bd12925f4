package io.wamonitor.gateway.worker;

import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.Payload;
import io.wamonitor.contracts.RecentIds;
import io.wamonitor.contracts.UndecodableMessageException;
import io.wamonitor.contracts.event.CommandResult;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.gateway.api.WorkerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
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

    private final EnvelopeCodec codec;
    private final ApplicationEventPublisher features;
    private final RecentIds recent = new RecentIds(10_000);

    WorkerEventListener(EnvelopeCodec codec, ApplicationEventPublisher features) {
        this.codec = codec;
        this.features = features;
    }

    @RabbitListener(queues = "#{@amqpTopology.gatewayEventsQueue()}")
    void onEvent(Message message) {
        Envelope<Payload> envelope;
        try {
            envelope = codec.decode(message.getBody());
        } catch (UndecodableMessageException e) {
            log.error("Dead-lettering an event that cannot be processed: {}", e.getMessage());
            throw new AmqpRejectAndDontRequeueException(e.getMessage(), e);
        }
        if (envelope.accountId() == null && !(envelope.payload() instanceof WorkerHeartbeat)) {
            log.error("Dead-lettering {} {}: it names no account", envelope.type(), envelope.id());
            throw new AmqpRejectAndDontRequeueException("event without account_id");
        }
        if (!recent.firstTime(envelope.id())) {
            log.debug("Skipping redelivered event {}", envelope.id());
            return;
        }
        try {
            if (envelope.payload() instanceof CommandResult result) {
                logRejection(envelope, result);
            }
            features.publishEvent(new WorkerEvent<>(envelope));
        } catch (RuntimeException e) {
            recent.forget(envelope.id());
            throw e;
        }
    }

    private static void logRejection(Envelope<Payload> envelope, CommandResult result) {
        if (result.outcome() == CommandResult.Outcome.REJECTED) {
            log.warn("Worker {} rejected {} for account {}: {} ({})", result.workerId(), result.commandType(),
                    envelope.accountId(), result.code(), result.message());
        }
    }
}
