package io.wamonitor.gateway.account;

public class AccountNotFoundException extends RuntimeException {

    /** The id is not echoed: it is caller input and may be anything. */
    public AccountNotFoundException(String id) {
        super("No account with this id");
    }
}
