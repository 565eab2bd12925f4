package io.wamonitor.worker.session;

import java.util.OptionalLong;
import java.util.UUID;

/**
 * Where capture stands per account: the capture cursor (the WhatsApp time of the newest message the broker has
 * confirmed), moved only by confirms. A session asks it where to look again after a start, a relaunch or a
 * reconnect, and which messages it need not report again.
 */
public interface CaptureLog {

    /**
     * Epoch seconds from which messages may not have been captured yet; empty when the account has no cursor
     * (a new session: capture starts now, history is not reported).
     */
    OptionalLong backfillSince(UUID account);

    /** Starts the account's cursor at {@code epochSeconds} unless it has one: nothing older is ever backfilled. */
    void startCursor(UUID account, long epochSeconds);

    /**
     * Starts the account's cursor afresh at {@code epochSeconds}, whatever it had: a profile restored from a
     * backup holds messages up to the backup, and those from this time on are looked at again.
     */
    void restartCursor(UUID account, long epochSeconds);

    /** Whether the message was confirmed by the broker or is recorded and waiting for it. */
    boolean captured(UUID account, String messageId);

    /** Whether new events can be recorded (the journal is not full). */
    boolean hasRoom();

    /** The account was deleted: its cursor goes. */
    void forget(UUID account);
}
