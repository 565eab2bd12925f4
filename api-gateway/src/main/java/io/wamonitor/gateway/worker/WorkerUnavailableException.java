package io.wamonitor.gateway.worker;

import io.wamonitor.gateway.api.ApiProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** 503 WORKER_UNAVAILABLE: no worker answered in time, or the command could not be handed to the broker. */
public class WorkerUnavailableException extends ApiProblem {

    public WorkerUnavailableException(String message) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "WORKER_UNAVAILABLE",
                "Worker unavailable",
                "The browser worker did not answer: " + message);
        header(HttpHeaders.RETRY_AFTER, "5");
    }
}
