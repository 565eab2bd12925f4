package io.wamonitor.worker.messaging;

import io.wamonitor.amqp.EnvelopeListener;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.Payload;
import io.wamonitor.contracts.command.DeleteSession;
import io.wamonitor.contracts.command.LogoutSession;
import io.wamonitor.contracts.command.RequestPairingCode;
import io.wamonitor.contracts.command.RestartSession;
import io.wamonitor.contracts.command.RestoreProfile;
import io.wamonitor.contracts.command.SendMessage;
import io.wamonitor.contracts.command.StartSession;
import io.wamonitor.contracts.command.StopSession;
import io.wamonitor.contracts.command.TakeSnapshot;
import io.wamonitor.contracts.event.CommandResult;
import io.wamonitor.contracts.event.PairingCodeResult;
import io.wamonitor.contracts.event.SendResult;
import io.wamonitor.contracts.event.SnapshotResult;
import io.wamonitor.worker.WorkerSettings;
import io.wamonitor.worker.session.Outcome;
import io.wamonitor.worker.session.SessionService;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Receives the gateway's commands from this worker's own queue and hands each to its account at once: requests
 * (snapshot, pairing code) are answered on their reply queue, a send reports its result as an event, the others
 * with a {@link CommandResult} when they finished. One account's slow command (a stop waiting for its browser to
 * close) holds up no other account. A command whose assignment epoch is older than the newest this worker has
 * seen for the account is refused: the account was moved since. Requests that arrive after their deadline are
 * dropped: nobody waits for them any more.
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

    @RabbitListener(queues = "#{@workerQueue.name()}")
    void onCommand(Message message) {
        envelopes.accept(message, envelope -> true).ifPresent(envelope -> {
            MDC.put("account_id", String.valueOf(envelope.accountId()));
            try {
                handle(message, envelope);
            } finally {
                MDC.remove("account_id");
            }
            envelopes.handled(envelope.id());
        });
    }

    private void handle(Message message, Envelope<Payload> envelope) {
        UUID account = envelope.accountId();
        Payload payload = envelope.payload();
        if (account != null && !sessions.admits(account, envelope.epoch())) {
            refuseMoved(message, envelope);
            return;
        }
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
        if (staleStart(envelope)) {
            return;
        }
        CompletableFuture<Outcome<String>> outcome = run(envelope);
        outcome.whenComplete((done, error) ->
                events.publish(account, result(envelope, error == null ? done : Outcome.of(error, "COMMAND_FAILED"))));
    }

    /** The account was moved to another worker since this command was sent: nothing is done, and it is said. */
    private void refuseMoved(Message message, Envelope<Payload> envelope) {
        UUID account = envelope.accountId();
        String why =
                "the account was moved to another worker since this command was sent (epoch " + envelope.epoch() + ")";
        log.info("Refusing {} {} for account {}: {}", envelope.type(), envelope.id(), account, why);
        Payload payload = envelope.payload();
        if (payload instanceof TakeSnapshot) {
            events.reply(message, account, SnapshotResult.failed("ACCOUNT_MOVED", why));
        } else if (payload instanceof RequestPairingCode) {
            events.reply(message, account, PairingCodeResult.failed("ACCOUNT_MOVED", why));
        } else if (payload instanceof SendMessage) {
            events.sendFinished(account, SendResult.failed("ACCOUNT_MOVED", why).forCommand(envelope.id()));
        } else {
            events.commandFinished(account, result(envelope, Outcome.failed("ACCOUNT_MOVED", why)));
        }
    }

    /**
     * A start (or restart, or restore) that waited in the queue longer than this worker may go without contact was
     * sent before the gateway could have declared it lost: by now the account may run elsewhere under a newer
     * epoch this worker has not seen. It is not acted on; if the account still belongs here, the gateway's
     * reconciliation sends a fresh one within seconds.
     */
    private boolean staleStart(Envelope<Payload> envelope) {
        Payload payload = envelope.payload();
        boolean start = payload instanceof StartSession
                || payload instanceof RestartSession
                || payload instanceof RestoreProfile;
        Instant oldest = clock.instant().minus(settings.fenceAfter());
        if (!start || !envelope.occurredAt().isBefore(oldest)) {
            return false;
        }
        log.info(
                "Dropping {} {} for account {} from {}: it waited longer than {} s, so the account may have moved; "
                        + "the gateway sends a fresh one if it still belongs here",
                envelope.type(),
                envelope.id(),
                envelope.accountId(),
                envelope.occurredAt(),
                settings.fenceAfter().toSeconds());
        events.commandFinished(
                envelope.accountId(),
                result(
                        envelope,
                        Outcome.failed("STALE_COMMAND", "sent at " + envelope.occurredAt() + ", too long ago")));
        return true;
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

    private CompletableFuture<Outcome<String>> run(Envelope<Payload> envelope) {
        UUID account = envelope.accountId();
        Payload payload = envelope.payload();
        if (payload instanceof RestartSession restart) {
            return sessions.restart(account, restart.accountName(), envelope.epoch());
        }
        if (payload instanceof StartSession start) {
            return sessions.start(account, start.accountName(), envelope.epoch());
        }
        if (payload instanceof StopSession stop) {
            return sessions.stop(account, stop.reason(), Boolean.TRUE.equals(stop.handOver()));
        }
        if (payload instanceof DeleteSession delete) {
            return sessions.delete(account, delete.reason());
        }
        if (payload instanceof RestoreProfile restore) {
            return sessions.restore(account, restore.archive(), restore.takenAt(), restore.captureFrom());
        }
        if (payload instanceof LogoutSession) {
            return sessions.logout(account);
        }
        return CompletableFuture.completedFuture(
                Outcome.failed("UNSUPPORTED_COMMAND", envelope.type() + " is not a command"));
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
