package io.wamonitor.worker.session;

/** Work on a session that could not be done, with a stable code the gateway maps to an API error. */
public class SessionFailure extends RuntimeException {

    private final String code;

    public SessionFailure(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The SessionFailure behind an error from a session's future, or null if it is something else. */
    public static SessionFailure of(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause instanceof SessionFailure failure ? failure : null;
    }
}
