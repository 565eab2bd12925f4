package io.wamonitor.gateway.media;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicBaseUrl {@code PUBLIC_BASE_URL}: how webhook receivers reach this gateway (media URLs start
 *                      with it); default http://localhost:PORT
 * @param urlTtl        {@code MEDIA_URL_TTL}: how long a media URL stays valid
 * @param urlSecret     {@code MEDIA_URL_SECRET}: signs media URLs; generated and stored in MongoDB if unset
 */
@ConfigurationProperties("wamonitor.media")
public record MediaSettings(String publicBaseUrl, Duration urlTtl, String urlSecret) {

    public MediaSettings {
        urlTtl = urlTtl == null ? Duration.ofDays(7) : urlTtl;
    }
}
