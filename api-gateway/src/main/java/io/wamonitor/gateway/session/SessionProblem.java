package io.wamonitor.gateway.session;

import org.springframework.http.HttpStatus;

/** A session action the API refuses, with its status and stable code (ACCOUNT_NOT_READY, QR_NOT_AVAILABLE, ...). */
public class SessionProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String accountStatus;

    public SessionProblem(HttpStatus status, String code, String message, String accountStatus) {
        super(message);
        this.status = status;
        this.code = code;
        this.accountStatus = accountStatus;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The account's status when refused, or null. */
    public String accountStatus() {
        return accountStatus;
    }
}
