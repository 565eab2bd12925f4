package io.wamonitor.gateway.messaging;

/** The account sent too much too fast; retry after {@code retryAfterSeconds}. */
public class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    RateLimitedException(long retryAfterSeconds) {
        super("Too many messages from this account; retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
