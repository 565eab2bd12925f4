package io.wamonitor.worker.session;

import java.util.UUID;

/**
 * The newest assignment epoch this worker has seen per account, kept across its restarts. Each move of an account
 * to another worker raises the epoch, so a command with an older one comes from before a move (a worker that was
 * declared dead and came back, a command that waited in a queue) and must not be acted on.
 */
public interface Epochs {

    /** The newest epoch seen for the account; 0 when none. */
    long current(UUID account);

    /**
     * Whether a command of {@code epoch} may run: not when it is older than the newest seen. A newer one is
     * recorded (durably) before this returns. {@code null} (a gateway without assignments) is admitted.
     */
    boolean admit(UUID account, Long epoch);
}
