package io.wamonitor.gateway.worker;

import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.Payload;
import io.wamonitor.contracts.RecentIds;
import io.wamonitor.contracts.UndecodableMessageException;
import io.wamonitor.contracts.event.AccountQrChanged;
import io.wamonitor.contracts.event.AccountStatusChanged;
import io.wamonitor.contracts.event.CommandResult;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.contracts.event.MessageAckChanged;
import io.wamonitor.contracts.event.MessageCaptured;
import io.wamonitor.gateway.account.AccountService;
import io.wamonitor.gateway.messaging.SentMessages;
import io.wamonitor.gateway.webhook.WebhookIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Consumes the worker's events: decode, de-duplicate, hand to the feature that owns them. */
@Component
class WorkerEventListener {

    private static final Logger log = LoggerFactory.getLogger(WorkerEventListener.class);

    private final EnvelopeCodec codec;
    private final AccountService accounts;
    private final WorkerRegistry workers;
    private final SessionReconciler reconciler;
    private final WebhookIntake webhooks;
    private final SentMessages sentMessages;
    private final RecentIds recent = new RecentIds(10_000);

    WorkerEventListener(EnvelopeCodec codec, AccountService accounts, WorkerRegistry workers,
                        SessionReconciler reconciler, WebhookIntake webhooks, SentMessages sentMessages) {
        this.sentMessages = sentMessages;
        this.codec = codec;
        this.accounts = accounts;
        this.workers = workers;
        this.reconciler = reconciler;
        this.webhooks = webhooks;
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
        if (!recent.firstTime(envelope.id())) {
            log.debug("Skipping redelivered event {}", envelope.id());
            return;
        }
        try {
            dispatch(envelope);
        } catch (RuntimeException e) {
            recent.forget(envelope.id());
            throw e;
        }
    }

    /** Reconciliation is best effort: it runs again on the next heartbeat, so a failure must not reject this one. */
    private void reconcileQuietly() {
        try {
            reconciler.reconcile();
        } catch (RuntimeException e) {
            log.warn("Reconciling sessions with workers failed; retrying on the next heartbeat", e);
        }
    }

    private void dispatch(Envelope<Payload> envelope) {
        Payload payload = envelope.payload();
        if (payload instanceof AccountStatusChanged status && envelope.accountId() != null) {
            accounts.recordStatus(envelope.accountId(), status.status(), status.reason(), status.workerId(),
                    status.phone(), envelope.occurredAt());
            webhooks.onStatus(envelope.accountId(), envelope.id(), status.status().name(), status.reason(),
                    status.phone(), envelope.occurredAt());
        } else if (payload instanceof MessageCaptured message && envelope.accountId() != null) {
            webhooks.onMessage(envelope.accountId(), message);
        } else if (payload instanceof MessageAckChanged acks && envelope.accountId() != null) {
            sentMessages.ack(envelope.accountId().toString(), acks.messageIds(), acks.ack());
            webhooks.onAck(envelope.accountId(), acks.messageIds(), acks.chat(), acks.ack(), envelope.occurredAt());
        } else if (payload instanceof AccountQrChanged qr && envelope.accountId() != null) {
            accounts.recordQr(envelope.accountId(), qr.qr(), envelope.occurredAt());
            webhooks.onQr(envelope.accountId(), envelope.id(), qr.qr(), envelope.occurredAt());
        } else if (payload instanceof WorkerHeartbeat heartbeat) {
            workers.record(heartbeat);
            reconcileQuietly();
        } else if (payload instanceof CommandResult result) {
            if (result.outcome() == CommandResult.Outcome.REJECTED) {
                log.warn("Worker {} rejected {} for account {}: {} ({})", result.workerId(), result.commandType(),
                        envelope.accountId(), result.code(), result.message());
            }
        } else {
            log.warn("Ignoring event {} the gateway does not handle", envelope.type());
        }
    }
}
