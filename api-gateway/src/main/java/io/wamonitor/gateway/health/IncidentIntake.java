package io.wamonitor.gateway.health;

import io.wamonitor.contracts.event.AccountIncident;
import io.wamonitor.gateway.account.AccountDeleted;
import io.wamonitor.gateway.api.WorkerEvent;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Stores the incidents workers report; an account's go when it is deleted. */
@Component
class IncidentIntake {

    private static final Logger log = LoggerFactory.getLogger(IncidentIntake.class);
    /** PNG's signature: anything else sent as a screenshot is not kept as one. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final IncidentStore store;
    private final IncidentScreenshotLinks links;
    private final ApplicationEventPublisher published;

    IncidentIntake(IncidentStore store, IncidentScreenshotLinks links, ApplicationEventPublisher published) {
        this.store = store;
        this.links = links;
        this.published = published;
    }

    @EventListener
    void on(WorkerEvent<AccountIncident> event) {
        if (event.accountId() == null) {
            return;
        }
        AccountIncident incident = event.payload();
        String account = event.accountId().toString();
        store.store(account, incident, png(incident.screenshotPng()));
        store.find(account, incident.incidentId().toString())
                .ifPresent(stored -> published.publishEvent(new IncidentRecorded(
                        event.accountId(),
                        stored.view(),
                        stored.screenshotId() == null
                                ? null
                                : links.signed(stored.view().id()))));
        log.info(
                "Incident on account {}: {} -> {}{}: {}",
                event.accountId(),
                incident.fromStatus(),
                incident.toStatus(),
                incident.healStep() == null ? "" : " (heal step " + incident.healStep() + ")",
                incident.reason());
    }

    @EventListener
    void onAccountDeleted(AccountDeleted deleted) {
        store.deleteForAccount(deleted.accountId());
    }

    private static byte[] png(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            if (bytes.length < PNG.length) {
                return null;
            }
            for (int i = 0; i < PNG.length; i++) {
                if (bytes[i] != PNG[i]) {
                    return null;
                }
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
