package io.wamonitor.gateway.worker;

import io.wamonitor.amqp.AmqpSettings;
import io.wamonitor.amqp.EnvelopeMessages;
import io.wamonitor.amqp.Topology;
import io.wamonitor.contracts.AmqpTopology;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.Payload;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts commands in a worker's own queue: persistent and confirmed by the broker before they count as sent, or
 * as requests that wait for the worker's answer. The worker's queue is declared (the same way the worker does)
 * before the first command to it, so a command to a worker that is restarting waits for it there.
 */
@Component
class CommandSender {

    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);

    private final EnvelopeMessages messages;
    private final AmqpTopology topology;
    private final AmqpSettings amqp;
    private final AmqpAdmin admin;
    private final EnvelopeCodec codec;
    private final WorkerLinkSettings settings;
    private final Clock clock;
    private final RabbitTemplate requests;
    private final Set<String> declared = ConcurrentHashMap.newKeySet();

    CommandSender(
            RabbitTemplate rabbit,
            EnvelopeMessages messages,
            AmqpTopology topology,
            AmqpSettings amqp,
            AmqpAdmin admin,
            EnvelopeCodec codec,
            WorkerLinkSettings settings,
            Clock clock) {
        this.messages = messages;
        this.topology = topology;
        this.amqp = amqp;
        this.admin = admin;
        this.codec = codec;
        this.settings = settings;
        this.clock = clock;
        // Request-reply over RabbitMQ's direct reply-to, on its own template so the wait has its own timeout.
        this.requests = new RabbitTemplate(rabbit.getConnectionFactory());
        this.requests.setReplyTimeout(settings.replyTimeout().toMillis());
        rabbit.setReturnsCallback(returned -> log.error(
                "Command {} was not routed to any queue: {}",
                returned.getMessage().getMessageProperties().getType(),
                returned.getReplyText()));
    }

    /** Stops the reply listener before the connection goes, so shutdown does not log a lost consumer. */
    @PreDestroy
    void stopRequests() {
        requests.stop();
    }

    /** Sends a command for the account under {@code epoch} to {@code worker}; false when the broker did not take it. */
    boolean send(String worker, UUID account, Long epoch, Payload payload) {
        return send(worker, Envelope.of(account, epoch, payload, clock.instant()));
    }

    boolean send(String worker, Envelope<? extends Payload> envelope) {
        try {
            declare(worker);
            messages.publishCommand(worker, envelope);
            log.debug("Sent {} for account {} to {}", envelope.type(), envelope.accountId(), worker);
            return true;
        } catch (AmqpException | IllegalStateException e) {
            log.warn(
                    "Could not send {} for account {} to {}: {}",
                    envelope.type(),
                    envelope.accountId(),
                    worker,
                    e.getMessage());
            return false;
        }
    }

    /**
     * Sends a request that carries its deadline (a worker that gets it later drops it with a log line) and waits
     * for the answer.
     */
    <R extends Payload> R request(String worker, UUID account, Long epoch, Payload payload, Class<R> answerType) {
        Envelope<Payload> envelope = Envelope.of(account, epoch, payload, clock.instant());
        Message message = messages.transientMessage(envelope);
        Message reply;
        try {
            declare(worker);
            reply = requests.sendAndReceive(
                    topology.workerCommandsExchange(), topology.commandRoutingKey(worker), message);
        } catch (AmqpException e) {
            throw new WorkerUnavailableException("RabbitMQ is unavailable: " + e.getMessage());
        }
        if (reply == null) {
            throw new WorkerUnavailableException("worker " + worker + " did not answer within "
                    + settings.replyTimeout().toSeconds() + " s");
        }
        Payload answer = codec.decode(reply.getBody()).payload();
        if (!answerType.isInstance(answer)) {
            throw new WorkerUnavailableException(
                    "the worker answered with " + answer.getClass().getSimpleName());
        }
        return answerType.cast(answer);
    }

    /** Declares the worker's queue as the worker itself does, once per worker and connection lifetime. */
    private void declare(String worker) {
        if (declared.contains(worker)) {
            return;
        }
        for (Declarable declarable : Topology.workerDeclarables(topology, worker, amqp.quorumQueues())) {
            if (declarable instanceof Queue queue) {
                admin.declareQueue(queue);
            } else if (declarable instanceof Binding binding) {
                admin.declareBinding(binding);
            } else if (declarable instanceof Exchange exchange) {
                admin.declareExchange(exchange);
            }
        }
        declared.add(worker);
    }

    /** The broker lost its queues (restarted without them): declare again before the next command. */
    void forgetDeclarations() {
        declared.clear();
    }
}
