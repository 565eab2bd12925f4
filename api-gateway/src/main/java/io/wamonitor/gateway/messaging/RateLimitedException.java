package io.wamonitor.gateway.messaging;

import io.wamonitor.gateway.api.ApiProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** 429 RATE_LIMITED: the account sent too much too fast; retry after {@code Retry-After} seconds. */
class RateLimitedException extends ApiProblem {

    RateLimitedException(long retryAfterSeconds) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                "RATE_LIMITED",
                "Rate limited",
                "Too many messages from this account; retry in " + retryAfterSeconds + " s");
        header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
    }
}
