package io.wamonitor.gateway.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.wamonitor.gateway.account.AccountLimitReachedException;
import io.wamonitor.gateway.account.AccountNotFoundException;
import io.wamonitor.gateway.messaging.RateLimitedException;
import io.wamonitor.gateway.security.MediaFetcher;
import io.wamonitor.gateway.security.OutboundGuard;
import io.wamonitor.gateway.session.SessionProblem;
import io.wamonitor.gateway.worker.WorkerUnavailableException;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place where failures become RFC 9457 problem responses with a stable {@code code}. A 500 never
 * echoes internals: it carries an error id that is also in the log.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    @ExceptionHandler(AccountNotFoundException.class)
    ResponseEntity<ProblemDetail> accountNotFound(AccountNotFoundException e) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, "ACCOUNT_NOT_FOUND", "Account not found", e.getMessage()));
    }

    @ExceptionHandler(AccountLimitReachedException.class)
    ResponseEntity<ProblemDetail> limitReached(AccountLimitReachedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "ACCOUNT_LIMIT_REACHED", "Account limit reached",
                e.getMessage());
        problem.setProperty("limit", e.limit());
        return problem(problem);
    }

    @ExceptionHandler(SessionProblem.class)
    ResponseEntity<ProblemDetail> sessionProblem(SessionProblem e) {
        ProblemDetail problem = Problems.of(e.status(), e.code(), e.status().getReasonPhrase(), e.getMessage());
        if (e.accountStatus() != null) {
            problem.setProperty("account_status", e.accountStatus());
        }
        return problem(problem);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException e) {
        return validationFailed(List.of(Map.of("field", e.field(), "message", e.getMessage())));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() != null ? e.getPropertyName() : "parameter";
        return validationFailed(List.of(Map.of("field", field, "message", "has the wrong type")));
    }

    @ExceptionHandler(OutboundGuard.BlockedUrlException.class)
    ResponseEntity<ProblemDetail> blockedUrl(OutboundGuard.BlockedUrlException e) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "OUTBOUND_URL_BLOCKED", "URL not allowed",
                "The gateway does not connect there: " + e.getMessage()));
    }

    @ExceptionHandler(MediaFetcher.FetchException.class)
    ResponseEntity<ProblemDetail> fetchFailed(MediaFetcher.FetchException e) {
        HttpStatus status = "PAYLOAD_TOO_LARGE".equals(e.code()) ? HttpStatus.PAYLOAD_TOO_LARGE
                : HttpStatus.UNPROCESSABLE_ENTITY;
        return problem(Problems.of(status, e.code(), status.getReasonPhrase(), e.getMessage()));
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Rate limited",
                e.getMessage());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem);
    }

    @ExceptionHandler(WorkerUnavailableException.class)
    ResponseEntity<ProblemDetail> workerUnavailable(WorkerUnavailableException e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "WORKER_UNAVAILABLE",
                "Worker unavailable", "The browser worker did not answer: " + e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {}", errorId, e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Internal error",
                "An unexpected error occurred; quote error id " + errorId + " when reporting it");
        problem.setProperty("error_id", errorId);
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", jsonName(f), "message", String.valueOf(f.getDefaultMessage())))
                .distinct()
                .toList();
        return validationFailed(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestLimitsFilter.BodyTooLargeException) {
                return asObject(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Payload too large",
                        "The request body is too large"));
            }
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return validationFailed(List.of(Map.of("field", field, "message", "has the wrong type")));
        }
        String detail = e.getCause() != null ? "The request body is not valid JSON" : "The request body is missing";
        return asObject(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed request", detail));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed request",
                "Send the body as application/json"));
    }

    /** Every other Spring MVC failure keeps its status and gets a code derived from it. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail pd ? pd
                : ProblemDetail.forStatusAndDetail(status, HttpStatus.valueOf(status.value()).getReasonPhrase());
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problem.setProperty("code", Problems.codeFor(status));
        }
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(Problems.typeFor(String.valueOf(problem.getProperties().get("code"))));
        }
        if (status.is5xxServerError()) {
            log.error("Request failed", e);
        }
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private ResponseEntity<Object> validationFailed(List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Validation failed",
                errors.stream().map(m -> m.get("field") + " " + m.get("message")).collect(Collectors.joining("; ")));
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
