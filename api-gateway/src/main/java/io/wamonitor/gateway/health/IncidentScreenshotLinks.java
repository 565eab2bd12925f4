package io.wamonitor.gateway.health;

import io.wamonitor.gateway.media.MediaStore;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring URLs of incident screenshots for webhook receivers, which have no API key: signed with the media
 * URLs' key ({@code MEDIA_URL_SECRET}) and valid as long ({@code MEDIA_URL_TTL}), for a subject that names an
 * incident's screenshot, so such a signature opens nothing else.
 */
@Component
class IncidentScreenshotLinks {

    static final String PATH = "/incident-screenshots/";

    private final MediaStore signer;

    IncidentScreenshotLinks(MediaStore signer) {
        this.signer = signer;
    }

    String signed(String incidentId) {
        return signer.signedUrl(PATH + incidentId, subject(incidentId));
    }

    boolean valid(String incidentId, long expires, String signature) {
        return signer.validSignature(subject(incidentId), expires, signature);
    }

    private static String subject(String incidentId) {
        return "incident-screenshot:" + incidentId;
    }
}
