package io.wamonitor.worker.session;

import io.wamonitor.contracts.AccountStatus;

import java.util.UUID;

/** What sessions tell the outside world; implemented by the messaging adapter. */
public interface SessionEvents {

    void statusChanged(UUID account, AccountStatus status, String reason);

    /** Slots were taken or freed: capacity reporting should not wait for the next periodic heartbeat. */
    void slotsChanged();
}
