package io.wamonitor.gateway.worker;

import io.wamonitor.gateway.api.ApiProblem;
import org.springframework.http.HttpStatus;

/** 404 WORKER_NOT_FOUND. */
class WorkerNotFoundException extends ApiProblem {

    /** The id is not echoed: it is caller input and may be anything. */
    WorkerNotFoundException() {
        super(HttpStatus.NOT_FOUND, "WORKER_NOT_FOUND", "Worker not found", "No worker with this id is known");
    }
}
