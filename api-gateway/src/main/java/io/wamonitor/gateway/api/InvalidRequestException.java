package io.wamonitor.gateway.api;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request that is well-formed JSON but asks for something invalid, found by a check that bean validation
 * cannot express: answered as 400 VALIDATION_FAILED naming the field, like the annotation checks.
 */
public class InvalidRequestException extends ApiProblem {

    private final String field;

    /** {@code message} completes the sentence "{field} ...", e.g. "must be png or text". */
    public InvalidRequestException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Validation failed", field + " " + message);
        this.field = field;
        with("errors", List.of(Map.of("field", field, "message", message)));
    }

    public String field() {
        return field;
    }
}
