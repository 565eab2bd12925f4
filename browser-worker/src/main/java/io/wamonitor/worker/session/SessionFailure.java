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
}
