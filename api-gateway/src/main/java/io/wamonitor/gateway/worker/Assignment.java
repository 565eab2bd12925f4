package io.wamonitor.gateway.worker;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * Which worker owns an account, under which epoch. Every move raises the epoch; commands carry it and workers
 * refuse older ones, so only the owner acts for the account.
 *
 * @param worker         the owning worker; null while no worker has room for the account
 * @param state          {@code ACTIVE}; {@code MOVING} while a drain stops it on its worker before it moves
 * @param restorePending a backup must be put in place on {@code worker} before it starts the session (failover,
 *                       drain), until the worker reports the session under this epoch
 * @param movingSince    when the move began (MOVING)
 * @param handOver       the moving account was linked: its worker backs it up as it stops, and the move waits
 *                       for that backup
 */
record Assignment(
        @Id String account,
        String worker,
        long epoch,
        String state,
        @Field("restore_pending") boolean restorePending,
        @Field("moving_since") Instant movingSince,
        @Field("hand_over") boolean handOver,
        @Field("updated_at") Instant updatedAt) {

    static final String ACTIVE = "ACTIVE";
    static final String MOVING = "MOVING";

    boolean placed() {
        return worker != null;
    }

    boolean moving() {
        return MOVING.equals(state);
    }
}
