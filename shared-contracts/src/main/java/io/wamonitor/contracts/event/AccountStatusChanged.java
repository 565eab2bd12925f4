package io.wamonitor.contracts.event;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.Payload;
import java.util.Objects;

/**
 * The account's session moved to {@code status}; {@code reason} says why in words an operator understands.
 *
 * @param phone              the linked phone number (digits), once known; null before linking and after logout
 * @param whatsappWebVersion the WhatsApp Web build the session's page runs, once known (null: not known)
 * @param waJsVersion        the wa-js release injected into it (the simulator reports its own), once known
 */
public record AccountStatusChanged(
        AccountStatus status,
        String reason,
        String workerId,
        String phone,
        String whatsappWebVersion,
        String waJsVersion)
        implements Payload {

    public AccountStatusChanged {
        Objects.requireNonNull(status, "status");
    }

    public AccountStatusChanged(AccountStatus status, String reason, String workerId, String phone) {
        this(status, reason, workerId, phone, null, null);
    }

    public AccountStatusChanged(AccountStatus status, String reason, String workerId) {
        this(status, reason, workerId, null);
    }
}
