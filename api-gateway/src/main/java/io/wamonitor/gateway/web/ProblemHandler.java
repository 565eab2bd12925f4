package io.wamonitor.gateway.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.wamonitor.gateway.api.ApiProblem;
import io.wamonitor.gateway.api.Problems;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where failures become RFC 9457 problem responses with a stable {@code code}. A 500 never
 * echoes internals: it carries an error id that is also in the log.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    /** Every refusal a feature throws, answered as it describes itself (status, code, properties, headers). */
    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e) {
        ProblemDetail problem = Problems.of(e.status(), e.code(), e.title(), e.detail());
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).headers(e.headers()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() != null ? e.getPropertyName() : "parameter";
        return validationFailed(List.of(Map.of("field", field, "message", "has the wrong type")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {}", errorId, e);
        ProblemDetail problem = Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                "Internal error",
                "An unexpected error occurred; quote error id " + errorId + " when reporting it");
        problem.setProperty("error_id", errorId);
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", jsonName(f), "message", String.valueOf(f.getDefaultMessage())))
                .distinct()
                .toList();
        return validationFailed(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestLimitsFilter.BodyTooLargeException) {
                return asObject(Problems.of(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        "PAYLOAD_TOO_LARGE",
                        "Payload too large",
                        "The request body is too large"));
            }
        }
        if (e.getCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return validationFailed(List.of(Map.of("field", field, "message", "has the wrong type")));
        }
        String detail = e.getCause() != null ? "The request body is not valid JSON" : "The request body is missing";
        return asObject(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed request", detail));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(Problems.of(
                HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed request", "Send the body as application/json"));
    }

    /** Every other Spring MVC failure keeps its status and gets a code derived from it. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail pd
                ? pd
                : ProblemDetail.forStatusAndDetail(
                        status, HttpStatus.valueOf(status.value()).getReasonPhrase());
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problem.setProperty("code", Problems.codeFor(status));
        }
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(
                    Problems.typeFor(String.valueOf(problem.getProperties().get("code"))));
        }
        if (status.is5xxServerError()) {
            log.error("Request failed", e);
        }
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private ResponseEntity<Object> validationFailed(List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED",
                "Validation failed",
                errors.stream()
                        .map(m -> m.get("field") + " " + m.get("message"))
                        .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return asObject(problem);
    }

    private static String jsonName(FieldError error) {
        String field = error.getField();
        // A bean-style check (isWebhookUrlPresent) reports its property; name the JSON field it is about.
        if (field.endsWith("Present")) {
            field = field.substring(0, field.length() - "Present".length());
        }
        return SNAKE.translate(field);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> asObject(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
