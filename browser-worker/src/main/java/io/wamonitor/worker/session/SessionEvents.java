package io.wamonitor.worker.session;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.event.AccountIncident;
import io.wamonitor.contracts.event.MessageAckChanged;
import io.wamonitor.contracts.event.MessageCaptured;
import io.wamonitor.contracts.event.MessageEdited;
import io.wamonitor.contracts.event.MessageReacted;
import io.wamonitor.contracts.event.MessageRevoked;
import io.wamonitor.contracts.event.ProfileBackedUp;
import io.wamonitor.contracts.event.SendResult;
import java.util.UUID;

/**
 * What sessions tell the outside world; implemented by the messaging adapter, which records each event durably
 * before it returns. {@code false} means the event could not be recorded (the journal is full): a message is then
 * left to the capture cursor.
 */
public interface SessionEvents {

    /** The session's status changed; {@code webVersion} and {@code waJsVersion} say what its page runs (or null). */
    boolean statusChanged(
            UUID account, AccountStatus status, String reason, String phone, String webVersion, String waJsVersion);

    default boolean statusChanged(UUID account, AccountStatus status, String reason, String phone) {
        return statusChanged(account, status, reason, phone, null, null);
    }

    /** The linking screen shows a new QR code, or none ({@code qr} null). */
    boolean qrChanged(UUID account, String qr);

    boolean messageCaptured(UUID account, MessageCaptured message);

    boolean acksChanged(UUID account, MessageAckChanged acks);

    boolean messageReacted(UUID account, MessageReacted reaction);

    boolean messageEdited(UUID account, MessageEdited edit);

    boolean messageRevoked(UUID account, MessageRevoked revoke);

    /** The session left READY, or a heal step started: what happened, with a screenshot of the page. */
    boolean incident(UUID account, AccountIncident incident);

    /** A send command ended (sent, refused, or found interrupted after a restart). */
    boolean sendFinished(UUID account, SendResult result);

    /** A backup of the account's profile, for another worker to continue from. */
    boolean profileBackedUp(UUID account, ProfileBackedUp backup);

    /** Slots were taken or freed: capacity reporting should not wait for the next periodic heartbeat. */
    void slotsChanged();
}
