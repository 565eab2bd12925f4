package io.wamonitor.contracts;

/** A message that can never be processed, however often it is redelivered: it belongs in a dead-letter queue. */
public class UndecodableMessageException extends RuntimeException {

    private final String type;

    public UndecodableMessageException(String message, String type) {
        super(type == null ? message : message + " (type " + type + ")");
        this.type = type;
    }

    /** The type named by the message, or null if it named none. */
    public String type() {
        return type;
    }
}
