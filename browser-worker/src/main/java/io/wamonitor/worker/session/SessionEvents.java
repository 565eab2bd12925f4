package io.wamonitor.worker.session;

import io.wamonitor.contracts.AccountStatus;

import java.util.UUID;

/** What sessions tell the outside world; implemented by the messaging adapter. */
public interface SessionEvents {

    void statusChanged(UUID account, AccountStatus status, String reason, String phone);

    /** The linking screen shows a new QR code, or none ({@code qr} null). */
    void qrChanged(UUID account, String qr);

    void messageCaptured(UUID account, io.wamonitor.contracts.event.MessageCaptured message);

    void acksChanged(UUID account, io.wamonitor.contracts.event.MessageAckChanged acks);

    /** Slots were taken or freed: capacity reporting should not wait for the next periodic heartbeat. */
    void slotsChanged();
}
