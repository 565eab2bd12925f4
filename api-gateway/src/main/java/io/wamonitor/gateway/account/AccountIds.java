package io.wamonitor.gateway.account;

import java.util.UUID;

/** Account ids are UUIDs in their canonical form; anything else names no account. */
public final class AccountIds {

    private AccountIds() {}

    /** The canonical id, or {@link AccountNotFoundException} for text that cannot be one. */
    public static UUID parse(String id) {
        try {
            UUID parsed = UUID.fromString(id);
            if (parsed.toString().equalsIgnoreCase(id)) {
                return parsed;
            }
        } catch (IllegalArgumentException ignored) {
            // fall through
        }
        throw new AccountNotFoundException(id);
    }
}
