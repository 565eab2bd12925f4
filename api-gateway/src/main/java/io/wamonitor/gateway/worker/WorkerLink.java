package io.wamonitor.gateway.worker;

import io.wamonitor.amqp.EnvelopeMessages;
import io.wamonitor.contracts.AmqpTopology;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.MessageCatalog;
import io.wamonitor.contracts.Payload;
import io.wamonitor.contracts.command.DeleteSession;
import io.wamonitor.contracts.command.LogoutSession;
import io.wamonitor.contracts.command.RequestPairingCode;
import io.wamonitor.contracts.command.RestartSession;
import io.wamonitor.contracts.command.SendMessage;
import io.wamonitor.contracts.command.StartSession;
import io.wamonitor.contracts.command.StopSession;
import io.wamonitor.contracts.command.TakeSnapshot;
import io.wamonitor.contracts.event.PairingCodeResult;
import io.wamonitor.contracts.event.SnapshotResult;
import io.wamonitor.gateway.account.SessionControl;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/** Sends commands to the worker; each one is persistent and confirmed by the broker before it counts as sent. */
@Component
class WorkerLink implements SessionControl, WorkerRequests {

    private static final Logger log = LoggerFactory.getLogger(WorkerLink.class);

    private final EnvelopeMessages messages;
    private final AmqpTopology topology;
    private final EnvelopeCodec codec;
    private final WorkerLinkSettings settings;
    private final Clock clock;
    private final RabbitTemplate requests;

    WorkerLink(
            RabbitTemplate rabbit,
            EnvelopeMessages messages,
            AmqpTopology topology,
            EnvelopeCodec codec,
            WorkerLinkSettings settings,
            Clock clock) {
        this.messages = messages;
        // Request-reply over RabbitMQ's direct reply-to, on its own template so the wait has its own timeout.
        this.requests = new RabbitTemplate(rabbit.getConnectionFactory());
        this.requests.setReplyTimeout(settings.replyTimeout().toMillis());
        this.topology = topology;
        this.codec = codec;
        this.settings = settings;
        this.clock = clock;
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

    @Override
    public boolean start(UUID accountId, String accountName) {
        return send(accountId, new StartSession(accountName));
    }

    @Override
    public boolean delete(UUID accountId, String reason) {
        // Stop first so a worker that only knows "stop" (or is mid-start) releases the browser either way.
        return send(accountId, new StopSession(reason)) & send(accountId, new DeleteSession(reason));
    }

    @Override
    public SnapshotResult snapshot(UUID account, String format, Integer quality) {
        return request(account, new TakeSnapshot(format, quality, deadline()), SnapshotResult.class);
    }

    @Override
    public PairingCodeResult pairingCode(UUID account, String phone) {
        return request(account, new RequestPairingCode(phone, deadline()), PairingCodeResult.class);
    }

    @Override
    public boolean send(UUID account, UUID commandId, SendMessage message) {
        return send(new Envelope<>(commandId, MessageCatalog.typeOf(message), clock.instant(), account, message));
    }

    @Override
    public Duration replyTimeout() {
        return settings.replyTimeout();
    }

    /** When a request's caller stops waiting: a worker that gets it later drops it (nothing is dead-lettered). */
    private Instant deadline() {
        return clock.instant().plus(settings.replyTimeout());
    }

    @Override
    public void logout(UUID account) {
        sendOrFail(account, new LogoutSession("requested through the API"));
    }

    @Override
    public void restart(UUID account, String accountName) {
        sendOrFail(account, new RestartSession(accountName));
    }

    private void sendOrFail(UUID account, Payload payload) {
        if (!send(account, payload)) {
            throw new WorkerUnavailableException("the command could not be handed to RabbitMQ");
        }
    }

    /**
     * Sends a request that carries its deadline (a worker that gets it later drops it with a log line; a queue
     * TTL would dead-letter it instead) and waits for the answer.
     */
    private <R extends Payload> R request(UUID account, Payload payload, Class<R> answerType) {
        Envelope<Payload> envelope = Envelope.of(account, payload, clock.instant());
        Message message = messages.transientMessage(envelope);
        Message reply;
        try {
            reply = requests.sendAndReceive(topology.commandsExchange(), topology.routingKey(envelope), message);
        } catch (AmqpException e) {
            throw new WorkerUnavailableException("RabbitMQ is unavailable: " + e.getMessage());
        }
        if (reply == null) {
            throw new WorkerUnavailableException(
                    "no worker answered within " + settings.replyTimeout().toSeconds() + " s");
        }
        Payload answer = codec.decode(reply.getBody()).payload();
        if (!answerType.isInstance(answer)) {
            throw new WorkerUnavailableException(
                    "the worker answered with " + answer.getClass().getSimpleName());
        }
        return answerType.cast(answer);
    }

    private boolean send(UUID accountId, Payload payload) {
        return send(Envelope.of(accountId, payload, clock.instant()));
    }

    private boolean send(Envelope<? extends Payload> envelope) {
        try {
            messages.publishConfirmed(topology.commandsExchange(), envelope);
            log.debug("Sent {} for account {}", envelope.type(), envelope.accountId());
            return true;
        } catch (AmqpException | IllegalStateException e) {
            log.warn("Could not send {} for account {}: {}", envelope.type(), envelope.accountId(), e.getMessage());
            return false;
        }
    }
}
