package io.wamonitor.contracts.command;

import io.wamonitor.contracts.Payload;

/**
 * Close the account's browser and free its slot, keeping its profile (and so its login) on disk.
 *
 * @param handOver the account moves to another worker: back its profile up once the browser is closed, even if
 *                 it did not change since the last backup (null: no)
 */
public record StopSession(String reason, Boolean handOver) implements Payload {

    public StopSession(String reason) {
        this(reason, null);
    }
}
