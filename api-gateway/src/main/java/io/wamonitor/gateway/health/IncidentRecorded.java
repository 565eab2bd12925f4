package io.wamonitor.gateway.health;

import java.util.UUID;

/**
 * An incident a worker reported is stored (with its screenshot, when it had one). Published after the store, also
 * when the worker's event came twice (the incident is then stored already), so a listener that failed the first
 * time gets it again.
 */
public record IncidentRecorded(UUID accountId, IncidentView incident) {}
