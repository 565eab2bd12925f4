package io.wamonitor.gateway.worker;

/** No worker answered in time, or the command could not be handed to the broker. */
public class WorkerUnavailableException extends RuntimeException {

    public WorkerUnavailableException(String message) {
        super(message);
    }
}
