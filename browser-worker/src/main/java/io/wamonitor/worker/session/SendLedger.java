package io.wamonitor.worker.session;

import io.wamonitor.contracts.event.SendResult;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sends this worker has made, kept across its restarts: a send is written down as started before the page
 * is asked to send, and its result when it ends, so a command delivered again is never sent twice, and a send a
 * crash interrupted is settled from what WhatsApp Web shows once the session is back.
 */
public interface SendLedger {

    /** The result of a command that already ended. */
    Optional<SendResult> finished(UUID commandId);

    /**
     * Writes the send down as started (durably, before the page is asked). False if the command is already
     * started or finished: it must not be sent again.
     */
    boolean start(UUID commandId, UUID account, String to, String keyId);

    void finish(UUID commandId, SendResult result);

    /** Sends of the account that were started and never finished: a crash interrupted them. */
    List<StartedSend> unfinished(UUID account);

    /** @param keyId the WhatsApp message key id the send used, to find the message in WhatsApp Web */
    record StartedSend(UUID commandId, String to, String keyId) {}
}
