package io.wamonitor.gateway.account;

import java.util.List;

/** Where and how an account's events are delivered: read at each event, so a changed URL applies at once. */
public record WebhookTarget(String url, String secret, List<String> events) {

    public boolean wants(String event) {
        return url != null && events.contains(event);
    }
}
