package io.wamonitor.gateway.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.gateway.account.AccountIds;
import io.wamonitor.gateway.account.AccountService;
import io.wamonitor.gateway.account.AccountView;
import io.wamonitor.gateway.api.SessionHealthLookup;
import io.wamonitor.gateway.worker.SessionReports;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An account's session health, and its incidents with their screenshots. */
@RestController
@RequestMapping("/api/accounts/{id}")
@Tag(name = "Session health")
class HealthController implements SessionHealthLookup {

    private final AccountService accounts;
    private final SessionReports reports;
    private final IncidentStore incidents;

    HealthController(AccountService accounts, SessionReports reports, IncidentStore incidents) {
        this.accounts = accounts;
        this.reports = reports;
        this.incidents = incidents;
    }

    /**
     * @param health         {@code ok}, {@code degraded} or {@code stalled}; null when no live worker reports the
     *                       session
     * @param connectedSince when the session last became READY
     * @param lastEventAt    when its page last reported anything
     * @param lastServerContactAt when its page last heard from WhatsApp's servers
     * @param healsLast24h   heal steps (reload, relaunch, give up) in the last 24 hours
     * @param browserMemoryBytes memory (PSS) of its browser and driver, null when not measured yet
     */
    record HealthView(
            String status,
            String health,
            Instant connectedSince,
            Instant lastEventAt,
            Instant lastServerContactAt,
            @JsonProperty("heals_last_24h") Integer healsLast24h,
            Long browserMemoryBytes,
            String whatsappWebVersion) {}

    @GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "How alive the account's session is: its worker's last report (status, last contact with "
                    + "WhatsApp's servers, heals in 24 h, browser memory, WhatsApp Web version)")
    HealthView health(@PathVariable String id) {
        AccountView account = accounts.get(AccountIds.parse(id).toString());
        WorkerHeartbeat.SessionHealth health = reports.held(account.id(), account.workerId())
                .map(WorkerHeartbeat.HeldSession::health)
                .orElse(null);
        if (health == null) {
            return new HealthView(
                    account.status().name(), null, null, null, null, null, null, account.whatsappWebVersion());
        }
        return new HealthView(
                account.status().name(),
                health.state(),
                health.connectedSince(),
                health.lastEventAt(),
                health.lastServerContactAt(),
                health.healsLast24h(),
                health.browserMemoryBytes() > 0 ? health.browserMemoryBytes() : null,
                account.whatsappWebVersion());
    }

    @GetMapping(path = "/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The account's last 10 incidents, newest first: when its session left READY or the worker "
                    + "started a heal step, with a screenshot of the page at that moment")
    List<IncidentView> incidents(@PathVariable String id) {
        String account = accounts.get(AccountIds.parse(id).toString()).id();
        return incidents.forAccount(account).stream()
                .map(IncidentStore.Incident::view)
                .toList();
    }

    @GetMapping(path = "/incidents/{incidentId}/screenshot", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "The PNG screenshot of an incident")
    ResponseEntity<byte[]> screenshot(@PathVariable String id, @PathVariable String incidentId) {
        String account = accounts.get(AccountIds.parse(id).toString()).id();
        return IncidentScreenshotController.answer(
                incidents, incidents.find(account, incidentId), "No such incident with a screenshot");
    }

    @Override
    public String healthOf(String accountId, String workerId) {
        return reports.held(accountId, workerId)
                .map(WorkerHeartbeat.HeldSession::health)
                .map(WorkerHeartbeat.SessionHealth::state)
                .orElse(null);
    }
}
