package io.wamonitor.gateway.worker;

import io.wamonitor.gateway.account.AccountService;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Heals the difference between the accounts the gateway knows and the sessions workers hold, after each
 * heartbeat: a worker that restarted (or missed a command) is sent the start again, and a session for an
 * account that no longer exists is deleted. Re-sends are spaced by {@code resendAfter}.
 */
@Component
class SessionReconciler {

    private static final Logger log = LoggerFactory.getLogger(SessionReconciler.class);

    private final AccountService accounts;
    private final WorkerRegistry workers;
    private final WorkerLink link;
    private final WorkerLinkSettings settings;
    private final Clock clock;
    private final Map<UUID, Instant> lastResent = new ConcurrentHashMap<>();

    SessionReconciler(
            AccountService accounts,
            WorkerRegistry workers,
            WorkerLink link,
            WorkerLinkSettings settings,
            Clock clock) {
        this.accounts = accounts;
        this.workers = workers;
        this.link = link;
        this.settings = settings;
        this.clock = clock;
    }

    synchronized void reconcile() {
        Instant now = clock.instant();
        Set<UUID> held = workers.heldAccounts();
        List<String> due = accounts.idsCreatedBefore(now.minus(settings.reconcileGrace()));
        for (String id : due) {
            UUID account = UUID.fromString(id);
            if (!held.contains(account) && mayResend(account, now)) {
                log.info("No worker holds account {}; sending its start command again", account);
                accounts.find(id).ifPresent(a -> link.start(account, a.name()));
            }
        }
        Set<String> existing = new HashSet<>(accounts.allIds());
        for (UUID account : held) {
            if (!existing.contains(account.toString()) && mayResend(account, now)) {
                log.info("A worker still holds deleted account {}; sending its delete command again", account);
                link.delete(account, "account no longer exists");
            }
        }
        lastResent.keySet().removeIf(id -> !existing.contains(id.toString()) && !held.contains(id));
    }

    private boolean mayResend(UUID account, Instant now) {
        Instant last = lastResent.get(account);
        if (last != null && last.plus(settings.resendAfter()).isAfter(now)) {
            return false;
        }
        lastResent.put(account, now);
        return true;
    }
}
