package io.wamonitor.contracts.event;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.Payload;

import java.util.Objects;

/** The account's session moved to {@code status}; {@code reason} says why in words an operator understands. */
public record AccountStatusChanged(AccountStatus status, String reason, String workerId) implements Payload {

    public AccountStatusChanged {
        Objects.requireNonNull(status, "status");
    }
}
