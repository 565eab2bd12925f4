package io.wamonitor.gateway.account;

import java.util.UUID;

/**
 * What the account feature needs from whoever runs the WhatsApp sessions (the worker link). Implementations
 * must not throw when the worker is unreachable: they return false and the caller decides.
 */
public interface SessionControl {

    /** Asks for the account's session to be started; true once the broker confirmed the command. */
    boolean start(UUID accountId, String accountName);

    /** Asks for the account's session to be stopped and its profile removed. */
    boolean delete(UUID accountId, String reason);
}
