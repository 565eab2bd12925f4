package io.wamonitor.worker.session;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.wamonitor.contracts.AccountStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The worker's state for Prometheus: slots, sessions by status, and the memory each account's browser takes
 * (the number to size a host by). Refreshed every 15 s rather than at each scrape, as reading /proc for every
 * Chromium process is not free.
 */
@Component
public class SessionMeters {

    private final SessionService sessions;
    private final ProfileStore profiles;
    private final MultiGauge byStatus;
    private final MultiGauge memory;
    private final MultiGauge memoryByProcess;
    private final MultiGauge versions;
    private final MultiGauge contactAge;
    private final MultiGauge stalledByAccount;
    private volatile long browsersMemoryBytes;
    private volatile Map<UUID, Long> memoryByAccount = Map.of();

    SessionMeters(MeterRegistry registry, SessionService sessions, ProfileStore profiles) {
        this.sessions = sessions;
        this.profiles = profiles;
        Gauge.builder("wamonitor.worker.slots", sessions, s -> s.slots().capacity())
                .tag("state", "total")
                .description("Account slots of this worker (WORKER_MAX_SESSIONS)")
                .register(registry);
        Gauge.builder("wamonitor.worker.slots", sessions, s -> s.slots().used())
                .tag("state", "used")
                .description("Account slots of this worker (WORKER_MAX_SESSIONS)")
                .register(registry);
        this.byStatus = MultiGauge.builder("wamonitor.worker.sessions")
                .description("Sessions by status")
                .register(registry);
        this.memory = MultiGauge.builder("wamonitor.worker.browser.memory")
                .baseUnit("bytes")
                .description("Proportional memory (PSS) of each account's browser and its Playwright driver")
                .register(registry);
        this.versions = MultiGauge.builder("wamonitor.worker.whatsapp.web.info")
                .description("1 per held account, labelled with the WhatsApp Web build its page runs and the wa-js "
                        + "release injected (which build broke when WhatsApp changes)")
                .register(registry);
        Gauge.builder(
                        "wamonitor.worker.sessions.stalled",
                        sessions,
                        s -> s.healthWatches().values().stream()
                                .filter(w -> w.stalled() || w.gaveUp())
                                .count())
                .description("Sessions found stalled and not healed yet, or given up (FAILED) after "
                        + "SESSION_HEAL_ATTEMPTS heal steps within an hour")
                .register(registry);
        this.stalledByAccount = MultiGauge.builder("wamonitor.worker.session.stalled")
                .description(
                        "1 for each held account found stalled and not healed yet (or given up), 0 for the others: "
                                + "which account the stalled count is about")
                .register(registry);
        this.contactAge = MultiGauge.builder("wamonitor.worker.session.server.contact.age")
                .baseUnit("seconds")
                .description("Seconds since each READY account's page last heard from WhatsApp's servers (an event, "
                        + "or an answered round trip)")
                .register(registry);
        this.memoryByProcess = MultiGauge.builder("wamonitor.worker.browser.process.memory")
                .baseUnit("bytes")
                .description(
                        "The same memory by kind of process: driver, browser, renderer, gpu-process, utility, zygote")
                .register(registry);
    }

    /** The memory of one account's browser and driver as last measured, 0 when unknown. */
    public long memoryOf(UUID account) {
        return memoryByAccount.getOrDefault(account, 0L);
    }

    /** The memory of every held account's browser together, as last measured (for placement). */
    public long browsersMemoryBytes() {
        return browsersMemoryBytes;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${wamonitor.worker.metrics-refresh:15s}")
    void refresh() {
        Map<AccountStatus, Long> counts = sessions.statusCounts();
        byStatus.register(
                Arrays.stream(AccountStatus.values())
                        .map(status ->
                                MultiGauge.Row.of(Tags.of("status", status.name()), counts.getOrDefault(status, 0L)))
                        .toList(),
                true);
        versions.register(
                sessions.heldSessions().stream()
                        .filter(s -> s.whatsappWebVersion() != null || s.waJsVersion() != null)
                        .map(s -> MultiGauge.Row.of(
                                Tags.of(
                                        "account_id",
                                        s.accountId().toString(),
                                        "whatsapp_web_version",
                                        String.valueOf(s.whatsappWebVersion()),
                                        "wa_js_version",
                                        String.valueOf(s.waJsVersion())),
                                1))
                        .toList(),
                true);
        contactAge.register(
                sessions.healthWatches().entrySet().stream()
                        .filter(e -> e.getValue().contactAgeSeconds().isPresent())
                        .map(e -> MultiGauge.Row.of(
                                Tags.of("account_id", e.getKey().toString()),
                                e.getValue(),
                                w -> w.contactAgeSeconds().orElse(Double.NaN)))
                        .toList(),
                true);
        stalledByAccount.register(
                sessions.healthWatches().entrySet().stream()
                        .map(e -> MultiGauge.Row.of(
                                Tags.of("account_id", e.getKey().toString()),
                                e.getValue(),
                                w -> w.stalled() || w.gaveUp() ? 1 : 0))
                        .toList(),
                true);
        List<UUID> held = sessions.slots().accounts();
        Map<Path, Map<String, Long>> bytes =
                ProcessMemory.byProfile(held.stream().map(profiles::profileDir).toList());
        Map<UUID, Long> byAccount = new java.util.HashMap<>();
        List<MultiGauge.Row<?>> totals = new ArrayList<>();
        List<MultiGauge.Row<?>> parts = new ArrayList<>();
        for (UUID account : held) {
            Map<String, Long> kinds = bytes.get(profiles.profileDir(account));
            if (kinds == null) {
                continue;
            }
            long total = kinds.values().stream().mapToLong(Long::longValue).sum();
            byAccount.put(account, total);
            totals.add(MultiGauge.Row.of(Tags.of("account_id", account.toString()), total));
            kinds.forEach((kind, value) ->
                    parts.add(MultiGauge.Row.of(Tags.of("account_id", account.toString(), "process", kind), value)));
        }
        memory.register(totals, true);
        memoryByAccount = Map.copyOf(byAccount);
        browsersMemoryBytes = bytes.values().stream()
                .flatMap(kinds -> kinds.values().stream())
                .mapToLong(Long::longValue)
                .sum();
        memoryByProcess.register(parts, true);
    }
}
