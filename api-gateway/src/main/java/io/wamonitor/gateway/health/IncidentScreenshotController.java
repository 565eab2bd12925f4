package io.wamonitor.gateway.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wamonitor.gateway.api.ApiProblem;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An incident's screenshot at the signed URL an {@code incident} webhook event carries (no API key). */
@RestController
@Tag(name = "Session health")
class IncidentScreenshotController {

    private final IncidentStore incidents;
    private final IncidentScreenshotLinks links;

    IncidentScreenshotController(IncidentStore incidents, IncidentScreenshotLinks links) {
        this.incidents = incidents;
        this.links = links;
    }

    @GetMapping(path = IncidentScreenshotLinks.PATH + "{incidentId}", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(
            summary = "The PNG screenshot of an incident, at the signed URL sent in its webhook event; the URL expires "
                    + "(no API key needed)")
    ResponseEntity<byte[]> screenshot(
            @PathVariable String incidentId,
            @RequestParam(required = false) Long expires,
            @RequestParam(required = false) String signature) {
        if (expires == null || !links.valid(incidentId, expires, signature)) {
            throw ApiProblem.of(
                    HttpStatus.FORBIDDEN, "SCREENSHOT_URL_INVALID", "This screenshot URL is invalid or has expired");
        }
        return answer(
                incidents,
                incidents.find(incidentId),
                "This incident's screenshot no longer exists (only the last 10 of an account are kept)");
    }

    /** An incident's picture as both screenshot routes answer it (nosniff comes with every answer). */
    static ResponseEntity<byte[]> answer(
            IncidentStore incidents, Optional<IncidentStore.Incident> incident, String missing) {
        byte[] png = incident.flatMap(i -> incidents.screenshot(i.screenshotId()))
                .orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "INCIDENT_NOT_FOUND", missing));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore())
                .body(png);
    }
}
