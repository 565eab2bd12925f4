package io.wamonitor.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.wamonitor.contracts.event.MessageCaptured;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The webhook payloads are the platform's most important external contract: each kind of event is compared with
 * a golden fixture, field by field, so a change to what receivers get is always deliberate.
 */
class WebhookPayloadsTest {

    private static final ObjectMapper JSON =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final String ACCOUNT = "3f0c2b9e-8a7d-4c6b-9e5f-1a2b3c4d5e6f";

    @Test
    void aTextMessageIsTheBriefsUnifiedPayload() throws IOException {
        MessageCaptured text = new MessageCaptured(
                "false_15550002222@c.us_3A1B2C3D4E5F60718293",
                "15550002222@c.us",
                "15550002222@c.us",
                "15550001111@c.us",
                null,
                false,
                false,
                "chat",
                "Message text or caption",
                1795693800L,
                "Ann",
                null);
        assertMatches(
                "message.json", WebhookPayloads.message("6f1c2d3e-0000-4000-8000-000000000001", ACCOUNT, text, null));
    }

    @Test
    void aGroupImageNamesItsAuthorAndCarriesItsMediaUrl() throws IOException {
        MessageCaptured image = new MessageCaptured(
                "false_120363012345678901@g.us_3A1B2C3D4E5F60718294_15550003333@c.us",
                "120363012345678901@g.us",
                "120363012345678901@g.us",
                "15550001111@c.us",
                "15550003333@c.us",
                false,
                true,
                "image",
                "the menu",
                1795693801L,
                null,
                new MessageCaptured.Media("image/jpeg", "menu.jpg", 245680L, null, "AAAA", null));
        assertMatches(
                "message-media.json",
                WebhookPayloads.message(
                        "6f1c2d3e-0000-4000-8000-000000000002",
                        ACCOUNT,
                        image,
                        "https://gateway.example.com/media/abc?expires=1796298601&signature=def"));
    }

    @Test
    void mediaWithoutAUrlSaysWhy() throws IOException {
        MessageCaptured video = new MessageCaptured(
                "true_15550002222@c.us_3EB0AABBCCDDEEFF0011",
                "15550002222@c.us",
                "15550001111@c.us",
                "15550002222@c.us",
                null,
                true,
                false,
                "video",
                null,
                1795693802L,
                null,
                new MessageCaptured.Media("video/mp4", null, 90_000_000L, 42, null, "too_large"));
        assertMatches(
                "message-media-unavailable.json",
                WebhookPayloads.message("6f1c2d3e-0000-4000-8000-000000000003", ACCOUNT, video, null));
    }

    @Test
    void statusAckAndQrEvents() throws IOException {
        assertMatches(
                "status.json",
                WebhookPayloads.status(
                        "6f1c2d3e-0000-4000-8000-000000000004",
                        ACCOUNT,
                        "READY",
                        "connected",
                        "15550001111",
                        Instant.ofEpochSecond(1795693803L)));
        assertMatches(
                "ack.json",
                WebhookPayloads.ack(
                        "6f1c2d3e-0000-4000-8000-000000000005",
                        ACCOUNT,
                        "true_15550002222@c.us_3EB0AABBCCDDEEFF0011",
                        "15550002222@c.us",
                        3,
                        Instant.ofEpochSecond(1795693804L)));
        assertMatches(
                "qr-gone.json",
                WebhookPayloads.qr(
                        "6f1c2d3e-0000-4000-8000-000000000006", ACCOUNT, null, Instant.ofEpochSecond(1795693805L)));
        JsonNode qr = JSON.valueToTree(WebhookPayloads.qr("e", ACCOUNT, "2@abc,def,ghi,jkl", Instant.EPOCH));
        assertThat(qr.path("qr_code").asText()).startsWith("data:image/png;base64,");
    }

    private static void assertMatches(String fixture, Object payload) throws IOException {
        try (InputStream in = WebhookPayloadsTest.class.getResourceAsStream("/webhooks/" + fixture)) {
            // Both read from JSON text, so numbers compare by value (not by Java type).
            JsonNode actual = JSON.readTree(JSON.writeValueAsString(payload));
            assertThat(actual).isEqualTo(JSON.readTree(in));
        }
    }
}
