package io.wamonitor.gateway.account;

import io.wamonitor.gateway.api.ApiProblem;
import org.springframework.http.HttpStatus;

/** 404 ACCOUNT_NOT_FOUND. */
public class AccountNotFoundException extends ApiProblem {

    /** The id is not echoed: it is caller input and may be anything. */
    public AccountNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, "ACCOUNT_NOT_FOUND", "Account not found", "No account with this id");
    }
}
