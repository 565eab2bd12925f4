package io.wamonitor.worker.session;

import java.util.concurrent.CompletionException;

/**
 * How work on a session ended, as a value (the worker's one error model): done with a value, or failed with a
 * stable code, a message and whether the same request later may succeed. Expected failures are never exceptions
 * thrown across threads or the wire.
 */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {}

    /**
     * @param code      stable, machine-readable (e.g. {@code NO_FREE_SLOT}, {@code ACCOUNT_NOT_READY})
     * @param retryable whether sending the same request later may succeed
     */
    record Failed<T>(String code, String message, boolean retryable) implements Outcome<T> {}

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> failed(String code, String message) {
        return new Failed<>(code, message, false);
    }

    /** An error from running session work: its SessionFailure's code, else {@code fallbackCode}. */
    static <T> Outcome<T> of(Throwable error, String fallbackCode) {
        SessionFailure failure = SessionFailure.of(error);
        if (failure != null) {
            return new Failed<>(failure.code(), failure.getMessage(), false);
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return new Failed<>(fallbackCode, String.valueOf(cause.getMessage()), false);
    }
}
