package io.wamonitor.gateway.health;

import java.util.UUID;

/**
 * An incident a worker reported is stored (with its screenshot, when it had one). Published after the store, also
 * when the worker's event came twice (the incident is then stored already), so a listener that failed the first
 * time gets it again.
 *
 * @param signedScreenshotUrl an absolute, signed and expiring URL of the screenshot that needs no API key (for
 *                            webhook receivers), null when the incident has none
 */
public record IncidentRecorded(UUID accountId, IncidentView incident, String signedScreenshotUrl) {}
