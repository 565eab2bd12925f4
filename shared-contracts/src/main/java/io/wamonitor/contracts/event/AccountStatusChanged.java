package io.wamonitor.contracts.event;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.Payload;
import java.util.Objects;

/**
 * The account's session moved to {@code status}; {@code reason} says why in words an operator understands.
 *
 * @param phone the linked phone number (digits), once known; null before linking and after logout
 */
public record AccountStatusChanged(AccountStatus status, String reason, String workerId, String phone)
        implements Payload {

    public AccountStatusChanged {
        Objects.requireNonNull(status, "status");
    }

    public AccountStatusChanged(AccountStatus status, String reason, String workerId) {
        this(status, reason, workerId, null);
    }
}
