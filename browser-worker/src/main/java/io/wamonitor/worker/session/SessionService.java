package io.wamonitor.worker.session;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.worker.WorkerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * Runs the commands for account sessions on this worker. For now a session is its slot: the account is
 * held and reported as {@code INIT}; the browser behind it comes with the browser issue.
 */
@Service
public class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final SlotTable slots;
    private final SessionEvents events;

    SessionService(WorkerSettings settings, SessionEvents events) {
        this.slots = new SlotTable(settings.maxSessions());
        this.events = events;
    }

    public CommandOutcome start(UUID account, String accountName) {
        Admission admission = slots.admit(account);
        if (admission instanceof Admission.Admitted admitted) {
            log.info("Account {} ({}) is held in slot {} of {}: status INIT (the browser session is not "
                    + "started by this version of the worker)", account, accountName, admitted.slot(),
                    slots.capacity());
            events.statusChanged(account, AccountStatus.INIT,
                    "held in slot " + admitted.slot() + " of " + slots.capacity() + "; browser not started yet");
            events.slotsChanged();
            return new CommandOutcome.Done("held in slot " + admitted.slot());
        }
        if (admission instanceof Admission.AlreadyHeld held) {
            log.info("Account {} is already held in slot {}", account, held.slot());
            events.statusChanged(account, AccountStatus.INIT,
                    "held in slot " + held.slot() + " of " + slots.capacity() + "; browser not started yet");
            return new CommandOutcome.Done("already held in slot " + held.slot());
        }
        Admission.Full full = (Admission.Full) admission;
        String reason = "all " + full.capacity() + " session slots of this worker are in use";
        log.warn("Cannot start account {}: {}", account, reason);
        events.statusChanged(account, AccountStatus.FAILED, reason);
        return new CommandOutcome.Failed("NO_FREE_SLOT", reason, true);
    }

    public CommandOutcome stop(UUID account, String reason) {
        if (!slots.release(account)) {
            return new CommandOutcome.Done("not held");
        }
        log.info("Account {} stopped ({}); its slot is free", account, reason);
        events.statusChanged(account, AccountStatus.DISCONNECTED, "session stopped: " + reason);
        events.slotsChanged();
        return new CommandOutcome.Done("stopped");
    }

    public CommandOutcome delete(UUID account, String reason) {
        boolean wasHeld = slots.release(account);
        log.info("Account {} deleted from this worker ({})", account, reason);
        if (wasHeld) {
            events.slotsChanged();
        }
        return new CommandOutcome.Done(wasHeld ? "deleted" : "not held");
    }

    public SlotTable slots() {
        return slots;
    }
}
