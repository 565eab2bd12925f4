package io.wamonitor.simulator.network;

import org.springframework.http.HttpStatus;

/** A request the simulated WhatsApp refuses, with the status and a short stable code. */
public class SimException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public SimException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
