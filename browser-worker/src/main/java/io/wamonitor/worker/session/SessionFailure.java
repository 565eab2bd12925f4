package io.wamonitor.worker.session;

import java.util.concurrent.CompletionException;

/**
 * Aborts session work on the owner thread with a stable code; it never leaves the session package: callers get
 * an {@link Outcome}.
 */
class SessionFailure extends RuntimeException {

    private final String code;

    SessionFailure(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }

    /** The SessionFailure behind an error from a session's future, or null if it is something else. */
    static SessionFailure of(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof SessionFailure failure ? failure : null;
    }
}
