package io.wamonitor.contracts.event;

import io.wamonitor.contracts.Payload;
import java.util.Objects;
import java.util.UUID;

/**
 * The worker's answer to one command. {@code code} is a stable machine-readable reason when the outcome is
 * {@link Outcome#REJECTED}; {@code retryable} says whether sending the same command later may succeed.
 */
public record CommandResult(
        UUID commandId,
        String commandType,
        Outcome outcome,
        String code,
        String message,
        boolean retryable,
        String workerId)
        implements Payload {

    public CommandResult {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(outcome, "outcome");
    }

    public enum Outcome {
        DONE,
        REJECTED
    }
}
