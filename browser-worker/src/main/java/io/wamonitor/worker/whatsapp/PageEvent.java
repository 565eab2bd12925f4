package io.wamonitor.worker.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** One event the in-page adapter reported: a WPP event name (or {@code page.loaded}) and its flat data. */
public record PageEvent(String type, JsonNode data) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static PageEvent of(String type) {
        return new PageEvent(type, NullNode.getInstance());
    }

    public static PageEvent of(String type, String text) {
        return new PageEvent(type, JSON.getNodeFactory().textNode(text));
    }

    /** Parses a batch the adapter sent; malformed entries are dropped (the page is not trusted blindly). */
    public static List<PageEvent> parseBatch(String json) {
        List<PageEvent> events = new ArrayList<>();
        try {
            JsonNode batch = JSON.readTree(json);
            if (batch != null && batch.isArray()) {
                for (JsonNode entry : batch) {
                    if (entry.path("type").isTextual()) {
                        events.add(new PageEvent(entry.get("type").asText(), entry.path("data")));
                    }
                }
            }
        } catch (IOException ignored) {
            // a page that sends garbage gets nothing through
        }
        return events;
    }

    public String text() {
        return data == null || data.isNull() || data.isMissingNode() ? null : data.asText();
    }
}
