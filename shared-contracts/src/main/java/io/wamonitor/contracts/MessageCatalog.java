package io.wamonitor.contracts;

import io.wamonitor.contracts.command.DeleteSession;
import io.wamonitor.contracts.command.LogoutSession;
import io.wamonitor.contracts.command.RequestPairingCode;
import io.wamonitor.contracts.command.RestartSession;
import io.wamonitor.contracts.command.RestoreProfile;
import io.wamonitor.contracts.command.SendMessage;
import io.wamonitor.contracts.command.StartSession;
import io.wamonitor.contracts.command.StopSession;
import io.wamonitor.contracts.command.TakeSnapshot;
import io.wamonitor.contracts.event.AccountIncident;
import io.wamonitor.contracts.event.AccountQrChanged;
import io.wamonitor.contracts.event.AccountStatusChanged;
import io.wamonitor.contracts.event.CommandResult;
import io.wamonitor.contracts.event.MessageAckChanged;
import io.wamonitor.contracts.event.MessageCaptured;
import io.wamonitor.contracts.event.MessageEdited;
import io.wamonitor.contracts.event.MessageReacted;
import io.wamonitor.contracts.event.MessageRevoked;
import io.wamonitor.contracts.event.PairingCodeResult;
import io.wamonitor.contracts.event.ProfileBackedUp;
import io.wamonitor.contracts.event.SendResult;
import io.wamonitor.contracts.event.SnapshotResult;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import java.util.Map;
import java.util.Optional;

/**
 * The one list of message types. Adding a message means adding a record and a line here; a breaking
 * change to a payload is a new {@code .v2} name next to the old one, never an edit of the old one.
 */
public final class MessageCatalog {

    private static final Map<String, Class<? extends Payload>> TYPES = Map.ofEntries(
            Map.entry("session.start.v1", StartSession.class),
            Map.entry("session.stop.v1", StopSession.class),
            Map.entry("session.delete.v1", DeleteSession.class),
            Map.entry("session.logout.v1", LogoutSession.class),
            Map.entry("session.restart.v1", RestartSession.class),
            Map.entry("session.snapshot.v1", TakeSnapshot.class),
            Map.entry("session.pairing_code.v1", RequestPairingCode.class),
            Map.entry("session.restore.v1", RestoreProfile.class),
            Map.entry("session.backup.v1", ProfileBackedUp.class),
            Map.entry("message.send.v1", SendMessage.class),
            Map.entry("message.send_result.v1", SendResult.class),
            Map.entry("account.status.v1", AccountStatusChanged.class),
            Map.entry("account.qr.v1", AccountQrChanged.class),
            Map.entry("account.incident.v1", AccountIncident.class),
            Map.entry("session.command_result.v1", CommandResult.class),
            Map.entry("session.snapshot_result.v1", SnapshotResult.class),
            Map.entry("session.pairing_code_result.v1", PairingCodeResult.class),
            Map.entry("message.captured.v1", MessageCaptured.class),
            Map.entry("message.ack.v1", MessageAckChanged.class),
            Map.entry("message.reaction.v1", MessageReacted.class),
            Map.entry("message.edited.v1", MessageEdited.class),
            Map.entry("message.revoked.v1", MessageRevoked.class),
            Map.entry("worker.heartbeat.v1", WorkerHeartbeat.class));

    private MessageCatalog() {}

    public static Optional<Class<? extends Payload>> payloadClass(String type) {
        return Optional.ofNullable(TYPES.get(type));
    }

    public static String typeOf(Payload payload) {
        return TYPES.entrySet().stream()
                .filter(e -> e.getValue() == payload.getClass())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a catalogued payload: " + payload.getClass()));
    }

    public static Map<String, Class<? extends Payload>> all() {
        return TYPES;
    }
}
