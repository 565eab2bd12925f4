package io.wamonitor.gateway.worker;

import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.MessageCatalog;
import io.wamonitor.contracts.command.DeleteSession;
import io.wamonitor.contracts.command.LogoutSession;
import io.wamonitor.contracts.command.RequestPairingCode;
import io.wamonitor.contracts.command.RestartSession;
import io.wamonitor.contracts.command.SendMessage;
import io.wamonitor.contracts.command.StopSession;
import io.wamonitor.contracts.command.TakeSnapshot;
import io.wamonitor.contracts.event.PairingCodeResult;
import io.wamonitor.contracts.event.SnapshotResult;
import io.wamonitor.gateway.account.SessionControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The features' way to the account's worker: every command goes to the worker its assignment names, under the
 * assignment's epoch, so it reaches the one worker that holds the account (or is about to).
 */
@Component
class WorkerLink implements SessionControl, WorkerRequests {

    private final Assignments assignments;
    private final SessionPlacement placement;
    private final CommandSender sender;
    private final ProfileBackupStore backups;
    private final WorkerLinkSettings settings;
    private final Clock clock;

    WorkerLink(
            Assignments assignments,
            SessionPlacement placement,
            CommandSender sender,
            ProfileBackupStore backups,
            WorkerLinkSettings settings,
            Clock clock) {
        this.assignments = assignments;
        this.placement = placement;
        this.sender = sender;
        this.backups = backups;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public boolean start(UUID accountId, String accountName) {
        return placement.start(accountId, accountName);
    }

    /**
     * Stops the session on its worker and removes its profile there, then forgets the assignment and the backups.
     * A worker that is away gets the commands when it is back (they wait in its queue); one that still holds the
     * account later is told again by reconciliation.
     */
    @Override
    public boolean delete(UUID accountId, String reason) {
        String id = accountId.toString();
        boolean sent = assignments
                .find(id)
                .filter(Assignment::placed)
                .map(a -> sender.send(a.worker(), accountId, a.epoch(), new StopSession(reason))
                        & sender.send(a.worker(), accountId, a.epoch(), new DeleteSession(reason)))
                .orElse(true);
        assignments.remove(id);
        backups.deleteFor(id);
        return sent;
    }

    @Override
    public SnapshotResult snapshot(UUID account, String format, Integer quality) {
        Assignment owner = owner(account);
        return sender.request(
                owner.worker(),
                account,
                owner.epoch(),
                new TakeSnapshot(format, quality, deadline()),
                SnapshotResult.class);
    }

    @Override
    public PairingCodeResult pairingCode(UUID account, String phone) {
        Assignment owner = owner(account);
        return sender.request(
                owner.worker(),
                account,
                owner.epoch(),
                new RequestPairingCode(phone, deadline()),
                PairingCodeResult.class);
    }

    @Override
    public boolean send(UUID account, UUID commandId, SendMessage message) {
        Assignment owner = owner(account);
        return sender.send(
                owner.worker(),
                new Envelope<>(
                        commandId, MessageCatalog.typeOf(message), clock.instant(), account, message, owner.epoch()));
    }

    @Override
    public Duration replyTimeout() {
        return settings.replyTimeout();
    }

    @Override
    public void logout(UUID account) {
        Assignment owner = owner(account);
        if (!sender.send(owner.worker(), account, owner.epoch(), new LogoutSession("requested through the API"))) {
            throw new WorkerUnavailableException("the command could not be handed to RabbitMQ");
        }
    }

    @Override
    public void restart(UUID account, String accountName) {
        Assignment owner = owner(account);
        if (!sender.send(owner.worker(), account, owner.epoch(), new RestartSession(accountName))) {
            throw new WorkerUnavailableException("the command could not be handed to RabbitMQ");
        }
    }

    /** When a request's caller stops waiting: a worker that gets it later drops it (nothing is dead-lettered). */
    private Instant deadline() {
        return clock.instant().plus(settings.replyTimeout());
    }

    private Assignment owner(UUID account) {
        return assignments
                .find(account.toString())
                .filter(Assignment::placed)
                .orElseThrow(() -> new WorkerUnavailableException(
                        "the account is on no worker yet (" + SessionPlacement.NO_CAPACITY + ")"));
    }
}
