package io.wamonitor.worker.messaging;

import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.Payload;
import io.wamonitor.contracts.RecentIds;
import io.wamonitor.contracts.UndecodableMessageException;
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
import io.wamonitor.worker.session.CommandOutcome;
import io.wamonitor.worker.session.SessionFailure;
import io.wamonitor.worker.session.SessionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Receives the gateway's commands and runs them: requests (snapshot, pairing code) are answered on their reply
 * queue, a send reports its result as an event, the others with a {@link CommandResult}. A command is remembered
 * as done only once it was handled; one whose handling failed is redelivered and tried again (with the
 * listener's backoff). Requests that arrive after their deadline are dropped: nobody waits for them any more.
 */
@Component
class CommandListener {

    private static final Logger log = LoggerFactory.getLogger(CommandListener.class);

    private final EnvelopeCodec codec;
    private final SessionService sessions;
    private final EventPublisher events;
    private final WorkerSettings settings;
    private final Clock clock;
    private final RecentIds done = new RecentIds(10_000);

    CommandListener(EnvelopeCodec codec, SessionService sessions, EventPublisher events, WorkerSettings settings,
                    Clock clock) {
        this.codec = codec;
        this.sessions = sessions;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @RabbitListener(queues = "#{@amqpTopology.workerCommandsQueue()}")
    void onCommand(Message message) {
        Envelope<Payload> envelope;
        try {
            envelope = codec.decode(message.getBody());
        } catch (UndecodableMessageException e) {
            log.error("Dead-lettering a command that cannot be processed: {}", e.getMessage());
            throw new AmqpRejectAndDontRequeueException(e.getMessage(), e);
        }
        if (envelope.accountId() == null) {
            log.error("Dead-lettering {} {}: it names no account", envelope.type(), envelope.id());
            throw new AmqpRejectAndDontRequeueException("command without account_id");
        }
        if (done.contains(envelope.id())) {
            log.debug("Skipping command {}: it was handled already", envelope.id());
            return;
        }
        handle(message, envelope);
        done.add(envelope.id());
    }

    private void handle(Message message, Envelope<Payload> envelope) {
        UUID account = envelope.accountId();
        Payload payload = envelope.payload();
        if (payload instanceof TakeSnapshot snapshot) {
            if (expired(envelope, snapshot.deadline())) {
                return;
            }
            sessions.snapshot(account, snapshot.format(), snapshot.quality()).whenComplete((shot, error) ->
                    events.reply(message, account, error == null
                            ? new SnapshotResult(true, null, null, shot.mimetype(), shot.base64(), shot.takenAt())
                            : SnapshotResult.failed(code(error, "SNAPSHOT_FAILED"), message(error))));
            return;
        }
        if (payload instanceof RequestPairingCode request) {
            if (expired(envelope, request.deadline())) {
                return;
            }
            sessions.pairingCode(account, request.phone()).whenComplete((code, error) ->
                    events.reply(message, account, error == null ? new PairingCodeResult(true, null, null, code)
                            : PairingCodeResult.failed(code(error, "PAIRING_CODE_FAILED"), message(error))));
            return;
        }
        if (payload instanceof SendMessage send) {
            // Refused after its deadline inside, as a reported result: the gateway settles the client's key with it.
            sessions.send(account, envelope.id(), send);
            return;
        }
        if (payload instanceof LogoutSession) {
            sessions.logout(account).whenComplete((ignored, error) -> events.publish(account, result(envelope,
                    error == null ? new CommandOutcome.Done("logged out")
                            : new CommandOutcome.Failed(code(error, "LOGOUT_FAILED"), message(error), false))));
            return;
        }
        CommandOutcome outcome = run(envelope);
        events.publish(account, result(envelope, outcome));
    }

    private boolean expired(Envelope<Payload> envelope, Instant deadline) {
        if (deadline != null && clock.instant().isAfter(deadline)) {
            log.info("Dropping {} {} for account {}: it came after its deadline {}, nobody waits for it any more",
                    envelope.type(), envelope.id(), envelope.accountId(), deadline);
            return true;
        }
        return false;
    }

    private static String code(Throwable error, String fallback) {
        SessionFailure failure = SessionFailure.of(error);
        return failure != null ? failure.code() : fallback;
    }

    private static String message(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return String.valueOf(cause.getMessage());
    }

    private CommandOutcome run(Envelope<Payload> envelope) {
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
        return new CommandOutcome.Failed("UNSUPPORTED_COMMAND", envelope.type() + " is not a command", false);
    }

    private CommandResult result(Envelope<Payload> command, CommandOutcome outcome) {
        if (outcome instanceof CommandOutcome.Failed failed) {
            return new CommandResult(command.id(), command.type(), CommandResult.Outcome.REJECTED, failed.code(),
                    failed.message(), failed.retryable(), settings.id());
        }
        return new CommandResult(command.id(), command.type(), CommandResult.Outcome.DONE, null,
                ((CommandOutcome.Done) outcome).message(), false, settings.id());
    }
}
