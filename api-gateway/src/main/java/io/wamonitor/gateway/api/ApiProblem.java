package io.wamonitor.gateway.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, as the RFC 9457 problem it is answered with: a status, a stable machine-readable
 * {@code code}, a title, a detail for people, and any further properties (e.g. {@code account_status},
 * {@code limit}) or headers (e.g. {@code Retry-After}). Each feature throws these (or its own subclasses); the web
 * layer turns every one into a response the same way, knowing no feature.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final HttpHeaders headers = new HttpHeaders();

    public ApiProblem(HttpStatus status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    /** A problem whose title is the status's reason phrase. */
    public static ApiProblem of(HttpStatus status, String code, String detail) {
        return new ApiProblem(status, code, status.getReasonPhrase(), detail);
    }

    /** Adds a property to the problem document (skipped when {@code value} is null). */
    public ApiProblem with(String property, Object value) {
        if (value != null) {
            properties.put(property, value);
        }
        return this;
    }

    /** Adds a response header. */
    public ApiProblem header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public HttpHeaders headers() {
        return headers;
    }
}
