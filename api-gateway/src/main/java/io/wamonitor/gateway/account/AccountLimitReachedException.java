package io.wamonitor.gateway.account;

import io.wamonitor.gateway.api.ApiProblem;
import org.springframework.http.HttpStatus;

/** 409 ACCOUNT_LIMIT_REACHED, with the {@code limit}. */
public class AccountLimitReachedException extends ApiProblem {

    private final int limit;

    public AccountLimitReachedException(int limit) {
        super(
                HttpStatus.CONFLICT,
                "ACCOUNT_LIMIT_REACHED",
                "Account limit reached",
                "The account limit of " + limit + " is reached; delete an account or raise MAX_WHATSAPP_ACCOUNTS");
        this.limit = limit;
        with("limit", limit);
    }

    public int limit() {
        return limit;
    }
}
