package io.wamonitor.contracts.event;

import io.wamonitor.contracts.Payload;
import java.time.Instant;

/**
 * The answer to a TakeSnapshot request: the image (base64) or why there is none.
 *
 * @param code when not ok: {@code ACCOUNT_NOT_READY}, {@code SESSION_NOT_FOUND}, {@code SNAPSHOT_FAILED}
 */
public record SnapshotResult(boolean ok, String code, String message, String mimetype, String data, Instant takenAt)
        implements Payload {

    public static SnapshotResult failed(String code, String message) {
        return new SnapshotResult(false, code, message, null, null, null);
    }
}
