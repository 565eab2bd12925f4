package io.wamonitor.gateway.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wamonitor.gateway.api.HttpUrl;
import jakarta.validation.constraints.AssertTrue;
import java.util.List;

/** Body of {@code PUT /api/accounts/{id}/webhook}: {@code webhook_url} must be present; null removes the webhook. */
class WebhookUpdateRequest {

    private String webhookUrl;
    private boolean present;
    private List<String> webhookEvents;

    @JsonProperty("webhook_events")
    void setWebhookEvents(List<String> webhookEvents) {
        this.webhookEvents = webhookEvents;
    }

    @WebhookEvents
    List<String> getWebhookEvents() {
        return webhookEvents;
    }

    @JsonProperty("webhook_url")
    void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
        this.present = true;
    }

    @HttpUrl
    String getWebhookUrl() {
        return webhookUrl;
    }

    @AssertTrue(message = "is required (send null to remove the webhook)")
    boolean isWebhookUrlPresent() {
        return present;
    }
}
