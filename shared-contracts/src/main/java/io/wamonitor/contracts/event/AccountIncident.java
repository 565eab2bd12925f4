package io.wamonitor.contracts.event;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.Payload;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something broke in an account's session: it left {@code READY}, or the worker started a step to heal it. Carries
 * what the page showed at that moment, for the operator who finds the account in trouble later.
 *
 * @param incidentId     unique per incident (the gateway stores each once)
 * @param fromStatus     the status before
 * @param toStatus       the status the session went to
 * @param reason         why, in words (the stall, the crash, the status's own reason)
 * @param healStep       {@code reload}, {@code relaunch} or {@code give_up} when the worker started that heal step;
 *                       null when the session just left READY (e.g. the phone went offline)
 * @param healReason     the signal that started the heal step ({@code server_silent}, {@code page_unresponsive},
 *                       {@code renderer_crashed}, {@code browser_exited}, {@code page_error}); null without a heal step
 * @param workerId       the worker that saw it (set by the worker's publisher)
 * @param screenshotPng  the page as it was, PNG in base64; null when the page could not be captured (gone, frozen)
 * @param screenshotNote why there is no screenshot (null when there is one)
 */
public record AccountIncident(
        UUID incidentId,
        Instant at,
        AccountStatus fromStatus,
        AccountStatus toStatus,
        String reason,
        String healStep,
        String healReason,
        String workerId,
        String screenshotPng,
        String screenshotNote)
        implements Payload {

    public AccountIncident {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(at, "at");
    }

    /** The same incident, said by worker {@code id}. */
    public AccountIncident withWorkerId(String id) {
        return new AccountIncident(
                incidentId, at, fromStatus, toStatus, reason, healStep, healReason, id, screenshotPng, screenshotNote);
    }
}
