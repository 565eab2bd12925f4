package io.wamonitor.worker.messaging;

import io.wamonitor.amqp.EnvelopeListener;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.Payload;
import io.wamonitor.contracts.command.DeleteSession;
import io.wamonitor.contracts.command.LogoutSession;
import io.wamonitor.contracts.command.RequestPairingCode;
import io.wamonitor.contracts.command.RestartSession;
import io.wamonitor.contracts.command.SendMessage;
import io.wamonitor.contracts.command.StartSession;
import io.wamonitor.contracts.command.StopSession;
import io.wamonitor.contracts.command.TakeSnapshot;
import io.wamonitor.contracts.event.CommandResult;
import io.wamonitor.contracts.event.PairingCodeResult;
import io.wamonitor.contracts.event.SnapshotResult;
import io.wamonitor.worker.WorkerSettings;
import io.wamonitor.worker.session.Outcome;
import io.wamonitor.worker.session.SessionService;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Receives the gateway's commands and runs them: requests (snapshot, pairing code) are answered on their reply
 * queue, a send reports its result as an event, the others with a {@link CommandResult}. A command is remembered
 * as done only once it was handled; one whose handling failed is redelivered and tried again (with the
 * listener's backoff). Requests that arrive after their deadline are dropped: nobody waits for them any more.
 */
@Component
class CommandListener {

    private static final Logger log = LoggerFactory.getLogger(CommandListener.class);

    private final SessionService sessions;
    private final EventPublisher events;
    private final WorkerSettings settings;
    private final Clock clock;
    private final EnvelopeListener envelopes;

    CommandListener(
            EnvelopeCodec codec, SessionService sessions, EventPublisher events, WorkerSettings settings, Clock clock) {
        this.envelopes = new EnvelopeListener(codec, "command");
        this.sessions = sessions;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @RabbitListener(queues = "#{@amqpTopology.workerCommandsQueue()}")
    void onCommand(Message message) {
        envelopes.accept(message, envelope -> true).ifPresent(envelope -> {
            handle(message, envelope);
            envelopes.handled(envelope.id());
        });
    }

    private void handle(Message message, Envelope<Payload> envelope) {
        UUID account = envelope.accountId();
        Payload payload = envelope.payload();
        if (payload instanceof TakeSnapshot snapshot) {
            if (expired(envelope, snapshot.deadline())) {
                return;
            }
            sessions.snapshot(account, snapshot.format(), snapshot.quality())
                    .thenAccept(outcome -> events.reply(
                            message,
                            account,
                            outcome instanceof Outcome.Done<SessionService.Snapshot> done
                                    ? new SnapshotResult(
                                            true,
                                            null,
                                            null,
                                            done.value().mimetype(),
                                            done.value().base64(),
                                            done.value().takenAt())
                                    : SnapshotResult.failed(
                                            ((Outcome.Failed<?>) outcome).code(),
                                            ((Outcome.Failed<?>) outcome).message())));
            return;
        }
        if (payload instanceof RequestPairingCode request) {
            if (expired(envelope, request.deadline())) {
                return;
            }
            sessions.pairingCode(account, request.phone())
                    .thenAccept(outcome -> events.reply(
                            message,
                            account,
                            outcome instanceof Outcome.Done<String> done
                                    ? new PairingCodeResult(true, null, null, done.value())
                                    : PairingCodeResult.failed(
                                            ((Outcome.Failed<?>) outcome).code(),
                                            ((Outcome.Failed<?>) outcome).message())));
            return;
        }
        if (payload instanceof SendMessage send) {
            // Refused after its deadline inside, as a reported result: the gateway settles the client's key with it.
            sessions.send(account, envelope.id(), send);
            return;
        }
        if (payload instanceof LogoutSession) {
            sessions.logout(account).thenAccept(outcome -> events.publish(account, result(envelope, outcome)));
            return;
        }
        Outcome<String> outcome = run(envelope);
        events.publish(account, result(envelope, outcome));
    }

    private boolean expired(Envelope<Payload> envelope, Instant deadline) {
        if (deadline != null && clock.instant().isAfter(deadline)) {
            log.info(
                    "Dropping {} {} for account {}: it came after its deadline {}, nobody waits for it any more",
                    envelope.type(),
                    envelope.id(),
                    envelope.accountId(),
                    deadline);
            return true;
        }
        return false;
    }

    private Outcome<String> run(Envelope<Payload> envelope) {
        Payload payload = envelope.payload();
        if (payload instanceof RestartSession restart) {
            return sessions.restart(envelope.accountId(), restart.accountName());
        }
        if (payload instanceof StartSession start) {
            return sessions.start(envelope.accountId(), start.accountName());
        }
        if (payload instanceof StopSession stop) {
            return sessions.stop(envelope.accountId(), stop.reason());
        }
        if (payload instanceof DeleteSession delete) {
            return sessions.delete(envelope.accountId(), delete.reason());
        }
        return Outcome.failed("UNSUPPORTED_COMMAND", envelope.type() + " is not a command");
    }

    private CommandResult result(Envelope<Payload> command, Outcome<String> outcome) {
        if (outcome instanceof Outcome.Failed<String> failed) {
            return new CommandResult(
                    command.id(),
                    command.type(),
                    CommandResult.Outcome.REJECTED,
                    failed.code(),
                    failed.message(),
                    failed.retryable(),
                    settings.id());
        }
        return new CommandResult(
                command.id(),
                command.type(),
                CommandResult.Outcome.DONE,
                null,
                ((Outcome.Done<String>) outcome).value(),
                false,
                settings.id());
    }
}
