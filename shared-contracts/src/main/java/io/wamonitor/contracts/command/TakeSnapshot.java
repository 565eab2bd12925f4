package io.wamonitor.contracts.command;

import io.wamonitor.contracts.Payload;
import java.time.Instant;

/**
 * Screenshot of the account's existing page (no new tab, no navigation). Sent as a request: the worker answers
 * the reply-to queue with a {@link io.wamonitor.contracts.event.SnapshotResult}.
 *
 * @param format   {@code png} or {@code jpeg}
 * @param quality  JPEG quality 0-100, null for the default
 * @param deadline when the gateway stops waiting; a worker that gets the request later drops it (null: never)
 */
public record TakeSnapshot(String format, Integer quality, Instant deadline) implements Payload {}
