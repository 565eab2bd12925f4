package io.wamonitor.gateway.web;

/**
 * A request that is well-formed JSON but asks for something invalid, found by a check that bean validation
 * cannot express: answered as 400 VALIDATION_FAILED naming the field, like the annotation checks.
 */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    /** {@code message} completes the sentence "{field} ...", e.g. "must be png or text". */
    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
