package io.wamonitor.worker.messaging;

import io.wamonitor.amqp.EnvelopeMessages;
import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.AmqpTopology;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.MessageCatalog;
import io.wamonitor.contracts.Payload;
import io.wamonitor.contracts.event.AccountIncident;
import io.wamonitor.contracts.event.AccountQrChanged;
import io.wamonitor.contracts.event.AccountStatusChanged;
import io.wamonitor.contracts.event.CommandResult;
import io.wamonitor.contracts.event.MessageAckChanged;
import io.wamonitor.contracts.event.MessageCaptured;
import io.wamonitor.contracts.event.MessageEdited;
import io.wamonitor.contracts.event.MessageReacted;
import io.wamonitor.contracts.event.MessageRevoked;
import io.wamonitor.contracts.event.ProfileBackedUp;
import io.wamonitor.contracts.event.SendResult;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.worker.WorkerSettings;
import io.wamonitor.worker.journal.Outbox;
import io.wamonitor.worker.session.Epochs;
import io.wamonitor.worker.session.SessionEvents;
import io.wamonitor.worker.session.SessionMeters;
import io.wamonitor.worker.session.SessionService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The worker's events. What sessions capture (status, QR codes, messages, receipts, send results) is recorded in
 * the {@link Outbox} first and published from there by the {@link OutboxRelay} until the broker confirms it;
 * heartbeats and replies to requests are ephemeral and published directly.
 */
@Component
class EventPublisher implements SessionEvents {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final RabbitTemplate rabbit;
    private final EnvelopeMessages messages;
    private final AmqpTopology topology;
    private final EnvelopeCodec codec;
    private final WorkerSettings settings;
    private final ObjectProvider<SessionService> sessions;
    private final Outbox outbox;
    private final Epochs epochs;
    private final ObjectProvider<SessionMeters> meters;
    private final Clock clock;
    private final Instant startedAt;
    /** When a heartbeat was last confirmed by the broker (monotonic), for the fence. */
    private volatile long lastReportedNanos = System.nanoTime();

    EventPublisher(
            RabbitTemplate rabbit,
            EnvelopeMessages messages,
            AmqpTopology topology,
            EnvelopeCodec codec,
            WorkerSettings settings,
            ObjectProvider<SessionService> sessions,
            Outbox outbox,
            Epochs epochs,
            ObjectProvider<SessionMeters> meters,
            Clock clock) {
        this.rabbit = rabbit;
        this.messages = messages;
        this.topology = topology;
        this.codec = codec;
        this.settings = settings;
        this.sessions = sessions;
        this.outbox = outbox;
        this.epochs = epochs;
        this.meters = meters;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public boolean statusChanged(
            UUID account, AccountStatus status, String reason, String phone, String webVersion, String waJsVersion) {
        return record(
                account,
                new AccountStatusChanged(status, reason, settings.id(), phone, webVersion, waJsVersion),
                UUID.randomUUID(),
                null,
                0);
    }

    @Override
    public boolean qrChanged(UUID account, String qr) {
        return record(account, new AccountQrChanged(qr, settings.id()), UUID.randomUUID(), null, 0);
    }

    /** The envelope id is derived from the message, so a message reported again (backfill) is the same event. */
    @Override
    public boolean messageCaptured(UUID account, MessageCaptured message) {
        return record(
                account,
                message,
                derivedId(account, "message", message.messageId()),
                message.messageId(),
                message.timestamp());
    }

    @Override
    public boolean acksChanged(UUID account, MessageAckChanged acks) {
        return record(
                account,
                acks,
                derivedId(account, "ack", acks.ack() + ":" + String.join(",", acks.messageIds())),
                null,
                0);
    }

    /** Ids derived from the change itself, so one reported twice (a page reload re-emits) is one event. */
    @Override
    public boolean messageReacted(UUID account, MessageReacted reaction) {
        String subject = reaction.reactionId() + ":" + reaction.emoji() + ":" + reaction.timestamp();
        return record(account, reaction, derivedId(account, "reaction", subject), null, 0);
    }

    @Override
    public boolean messageEdited(UUID account, MessageEdited edit) {
        String subject = edit.editId() != null ? edit.editId() : edit.messageId() + ":" + edit.text();
        return record(account, edit, derivedId(account, "edit", subject), null, 0);
    }

    @Override
    public boolean messageRevoked(UUID account, MessageRevoked revoke) {
        return record(account, revoke, derivedId(account, "revoke", revoke.messageId()), null, 0);
    }

    @Override
    public boolean incident(UUID account, AccountIncident incident) {
        return record(account, incident.withWorkerId(settings.id()), incident.incidentId(), null, 0);
    }

    @Override
    public boolean sendFinished(UUID account, SendResult result) {
        return record(account, result, derivedId(account, "send", String.valueOf(result.commandId())), null, 0);
    }

    /**
     * How a command ended, recorded like the session's events (so it leaves in order after what the command
     * caused, such as the backup a hand-over stop made).
     */
    boolean commandFinished(UUID account, CommandResult result) {
        return record(
                account, result, derivedId(account, "result", result.commandId().toString()), null, 0);
    }

    @Override
    public boolean profileBackedUp(UUID account, ProfileBackedUp backup) {
        return record(account, backup, UUID.randomUUID(), null, 0);
    }

    /**
     * Records an event in the outbox, under the account's current assignment epoch (the gateway ignores the status
     * of a session whose epoch is not the account's current one).
     */
    private boolean record(UUID account, Payload payload, UUID envelopeId, String messageId, long messageTime) {
        long epoch = epochs.current(account);
        Envelope<Payload> envelope = new Envelope<>(
                envelopeId,
                MessageCatalog.typeOf(payload),
                clock.instant(),
                account,
                payload,
                epoch == 0 ? null : epoch);
        return outbox.record(account, envelope.type(), envelopeId, messageId, messageTime, codec.encode(envelope));
    }

    private static UUID derivedId(UUID account, String kind, String subject) {
        return UUID.nameUUIDFromBytes((account + ":" + kind + ":" + subject).getBytes(StandardCharsets.UTF_8));
    }

    /** Answers a request (snapshot, pairing code) on its reply-to queue; the caller waits with a timeout. */
    void reply(Message request, UUID account, Payload payload) {
        String replyTo = request.getMessageProperties().getReplyTo();
        if (replyTo == null) {
            log.warn(
                    "{} for account {} has no reply-to; dropping the answer",
                    payload.getClass().getSimpleName(),
                    account);
            return;
        }
        Envelope<Payload> envelope = Envelope.of(account, payload, clock.instant());
        Message message = messages.transientMessage(envelope);
        message.getMessageProperties()
                .setCorrelationId(request.getMessageProperties().getCorrelationId());
        try {
            rabbit.send("", replyTo, message);
        } catch (AmqpException e) {
            log.warn("Could not answer {} for account {}: {}", envelope.type(), account, e.getMessage());
        }
    }

    @Override
    public void slotsChanged() {
        heartbeat();
    }

    /**
     * Reports capacity, memory and the held sessions. A confirmed heartbeat is also how the worker knows it is in
     * contact: one that could not report for {@link WorkerSettings#fenceAfter()} stops its sessions itself (the
     * gateway may be moving them to other workers), and is back in business with the next confirmed heartbeat.
     */
    @Scheduled(fixedDelayString = "${wamonitor.worker.heartbeat-interval:10s}", initialDelay = 0)
    synchronized void heartbeat() {
        SessionService service = sessions.getObject();
        var slots = service.slots();
        SessionMeters sessionMeters = meters.getIfAvailable();
        boolean reported = publish(
                null,
                new WorkerHeartbeat(
                        settings.id(),
                        slots.capacity(),
                        slots.used(),
                        slots.accounts(),
                        startedAt,
                        service.heldSessions().stream()
                                .map(held -> held.health() == null || sessionMeters == null
                                        ? held
                                        : held.withHealth(
                                                held.health().withMemory(sessionMeters.memoryOf(held.accountId()))))
                                .toList(),
                        sessionMeters == null ? 0 : sessionMeters.browsersMemoryBytes(),
                        settings.memoryLimit().toBytes(),
                        service.storedAccounts()));
        if (reported) {
            lastReportedNanos = System.nanoTime();
            service.unfence();
        } else {
            checkContact();
        }
    }

    /** Fences the worker when it has not been able to report for too long (see {@link #heartbeat()}). */
    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    void checkContact() {
        Duration silent = Duration.ofNanos(System.nanoTime() - lastReportedNanos);
        if (silent.compareTo(settings.fenceAfter()) > 0) {
            sessions.getObject()
                    .fence("no heartbeat could be reported for " + silent.toSeconds()
                            + " s, so the platform may be moving this worker's accounts");
        }
    }

    /** Publishes an ephemeral event (heartbeat, command result) directly; false when the broker did not confirm. */
    boolean publish(UUID account, Payload payload) {
        long epoch = account == null ? 0 : epochs.current(account);
        Envelope<Payload> envelope = Envelope.of(account, epoch == 0 ? null : epoch, payload, clock.instant());
        boolean published = messages.tryPublishConfirmed(topology.eventsExchange(), envelope);
        if (!published) {
            log.debug("Could not publish {} for account {}", envelope.type(), account);
        }
        return published;
    }
}
