package io.wamonitor.gateway.account;

public class AccountLimitReachedException extends RuntimeException {

    private final int limit;

    public AccountLimitReachedException(int limit) {
        super("The account limit of " + limit + " is reached; delete an account or raise MAX_WHATSAPP_ACCOUNTS");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
