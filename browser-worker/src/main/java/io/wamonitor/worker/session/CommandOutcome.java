package io.wamonitor.worker.session;

/** How a command ended, as a value: expected failures are not exceptions thrown across threads or the wire. */
public sealed interface CommandOutcome {

    record Done(String message) implements CommandOutcome {
    }

    /**
     * @param code      stable, machine-readable (e.g. {@code NO_FREE_SLOT})
     * @param retryable whether sending the same command later may succeed
     */
    record Failed(String code, String message, boolean retryable) implements CommandOutcome {
    }
}
