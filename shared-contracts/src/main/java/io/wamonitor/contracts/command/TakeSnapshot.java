package io.wamonitor.contracts.command;

import io.wamonitor.contracts.Payload;

/**
 * Screenshot of the account's existing page (no new tab, no navigation). Sent as a request: the worker answers
 * the reply-to queue with a {@link io.wamonitor.contracts.event.SnapshotResult}.
 *
 * @param format  {@code png} or {@code jpeg}
 * @param quality JPEG quality 0-100, null for the default
 */
public record TakeSnapshot(String format, Integer quality) implements Payload {
}
