package io.wamonitor.gateway.health;

import java.time.Instant;

/**
 * An incident as the incidents API lists it and the {@code incident} webhook event carries it.
 *
 * @param healStep      {@code reload}, {@code relaunch} or {@code give_up}; null when the session just left READY
 * @param screenshotUrl the API path of the page's picture (it needs the API key), or null when there is none
 * @param screenshotNote why there is no picture (null when there is one)
 */
public record IncidentView(
        String id,
        Instant at,
        String fromStatus,
        String toStatus,
        String reason,
        String healStep,
        String healReason,
        String workerId,
        String screenshotUrl,
        String screenshotNote) {}
