package io.wamonitor.amqp;

import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.Payload;
import io.wamonitor.contracts.RecentIds;
import io.wamonitor.contracts.UndecodableMessageException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;

/**
 * The prologue of every listener: decode the envelope (what cannot be decoded, or lacks what it must have, is
 * dead-lettered at once: no retry can help), and drop what was handled already. An envelope counts as handled
 * only when the listener says so ({@link #handled}), so one whose handling failed is tried again when redelivered.
 */
public final class EnvelopeListener {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeListener.class);

    private final EnvelopeCodec codec;
    private final String what;
    private final RecentIds handled = new RecentIds(10_000);

    /** @param what "command" or "event", for the log */
    public EnvelopeListener(EnvelopeCodec codec, String what) {
        this.codec = codec;
        this.what = what;
    }

    /**
     * The envelope to handle, or empty if it was handled already.
     *
     * @param mustHaveAccount which envelopes must name an account (the others are dead-lettered)
     * @throws AmqpRejectAndDontRequeueException for a message that can never be handled (to the dead-letter queue)
     */
    public Optional<Envelope<Payload>> accept(Message message, Predicate<Envelope<Payload>> mustHaveAccount) {
        Envelope<Payload> envelope;
        try {
            envelope = codec.decode(message.getBody());
        } catch (UndecodableMessageException e) {
            log.error("Dead-lettering a {} that cannot be processed: {}", what, e.getMessage());
            throw new AmqpRejectAndDontRequeueException(e.getMessage(), e);
        }
        if (envelope.accountId() == null && mustHaveAccount.test(envelope)) {
            log.error("Dead-lettering {} {}: it names no account", envelope.type(), envelope.id());
            throw new AmqpRejectAndDontRequeueException(what + " without account_id");
        }
        if (handled.contains(envelope.id())) {
            log.debug("Skipping {} {}: it was handled already", what, envelope.id());
            return Optional.empty();
        }
        return Optional.of(envelope);
    }

    /** The envelope was handled to the end: a redelivery of it is dropped. */
    public void handled(UUID envelopeId) {
        handled.add(envelopeId);
    }
}
