package io.wamonitor.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.wamonitor.contracts.event.MessageCaptured;
import io.wamonitor.contracts.event.MessageEdited;
import io.wamonitor.contracts.event.MessageReacted;
import io.wamonitor.contracts.event.MessageRevoked;
import io.wamonitor.gateway.health.IncidentView;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
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
                        null)
                .withIdentities(
                        "15550002222@c.us",
                        "204812345678901@lid",
                        "15550001111@c.us",
                        "139871234567890@lid",
                        null,
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
                new MessageCaptured.Media("image/jpeg", "menu.jpg", 245680L, null, "AAAA", null),
                null,
                null,
                "187654321098765@lid",
                "false_120363012345678901@g.us_3A1B2C3D4E5F60718290_187654321098765@lid",
                true,
                null,
                null,
                null);
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
    void aSenderWhoHidesTheirNumberIsNamedByTheirLid() throws IOException {
        MessageCaptured hidden = new MessageCaptured(
                "false_204812345678901@lid_3A1B2C3D4E5F60718310",
                "204812345678901@lid",
                "204812345678901@lid",
                "15550001111@c.us",
                null,
                false,
                false,
                "chat",
                "who is this?",
                1795693810L,
                "Bea",
                null,
                "204812345678901@lid",
                "139871234567890@lid",
                null,
                null,
                false,
                null,
                null,
                null);
        assertMatches(
                "message-hidden-number.json",
                WebhookPayloads.message("6f1c2d3e-0000-4000-8000-000000000010", ACCOUNT, hidden, null));
    }

    @Test
    void locationsContactCardsAndPollsAreTypedObjects() throws IOException {
        assertMatches(
                "message-location.json",
                WebhookPayloads.message(
                        "6f1c2d3e-0000-4000-8000-000000000011",
                        ACCOUNT,
                        typed(
                                "false_15550002222@c.us_3A1B2C3D4E5F60718311",
                                "location",
                                new MessageCaptured.Location(-23.5505, -46.6333, "Praça da Sé", "Sé, São Paulo - SP"),
                                null,
                                null),
                        null));
        assertMatches(
                "message-contacts.json",
                WebhookPayloads.message(
                        "6f1c2d3e-0000-4000-8000-000000000012",
                        ACCOUNT,
                        typed(
                                "false_15550002222@c.us_3A1B2C3D4E5F60718312",
                                "multi_vcard",
                                null,
                                List.of(
                                        "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Souza\n"
                                                + "TEL;type=CELL;waid=5511988887777:+55 11 98888-7777\nEND:VCARD",
                                        "BEGIN:VCARD\nVERSION:3.0\nFN:Bar\\, Inc.\nEND:VCARD"),
                                null),
                        null));
        assertMatches(
                "message-poll.json",
                WebhookPayloads.message(
                        "6f1c2d3e-0000-4000-8000-000000000013",
                        ACCOUNT,
                        typed(
                                "false_15550002222@c.us_3A1B2C3D4E5F60718313",
                                "poll_creation",
                                null,
                                null,
                                new MessageCaptured.Poll("Lunch?", List.of("pizza", "sushi", "salad"), false)),
                        null));
    }

    @Test
    void reactionsEditsAndDeletions() throws IOException {
        assertMatches(
                "reaction.json",
                WebhookPayloads.reaction(
                        "6f1c2d3e-0000-4000-8000-000000000014",
                        ACCOUNT,
                        new MessageReacted(
                                "false_15550002222@c.us_3A1B2C3D4E5F60718314",
                                "true_15550002222@c.us_3EB0AABBCCDDEEFF0011",
                                "15550002222@c.us",
                                "15550002222@c.us",
                                "204812345678901@lid",
                                false,
                                "👍",
                                1795693814L)));
        assertMatches(
                "message-edited.json",
                WebhookPayloads.edit(
                        "6f1c2d3e-0000-4000-8000-000000000015",
                        ACCOUNT,
                        new MessageEdited(
                                "false_15550002222@c.us_3A1B2C3D4E5F60718293",
                                "false_15550002222@c.us_3A9F8E7D6C5B4A392817",
                                "15550002222@c.us",
                                "15550002222@c.us",
                                "204812345678901@lid",
                                false,
                                "see you at 8, not 7",
                                1795693815L)));
        assertMatches(
                "message-revoked.json",
                WebhookPayloads.revoke(
                        "6f1c2d3e-0000-4000-8000-000000000016",
                        ACCOUNT,
                        new MessageRevoked(
                                "false_15550002222@c.us_3A1B2C3D4E5F60718293",
                                "false_15550002222@c.us_3A77665544332211AA00",
                                "15550002222@c.us",
                                "15550002222@c.us",
                                "204812345678901@lid",
                                false,
                                "revoke",
                                1795693816L)));
    }

    @Test
    void aContactCardsNameIsItsFormattedName() {
        assertThat(VCards.formattedName("BEGIN:VCARD\r\nFN;CHARSET=UTF-8:Jo\r\n ão\r\nEND:VCARD"))
                .isEqualTo("João");
        assertThat(VCards.formattedName("BEGIN:VCARD\nN:Souza;Ana\nEND:VCARD")).isNull();
        assertThat(VCards.formattedName(null)).isNull();
    }

    private static MessageCaptured typed(
            String id, String type, MessageCaptured.Location location, List<String> vcards, MessageCaptured.Poll poll) {
        return new MessageCaptured(
                id,
                "15550002222@c.us",
                "15550002222@c.us",
                "15550001111@c.us",
                null,
                false,
                false,
                type,
                null,
                1795693810L,
                "Ann",
                null,
                "204812345678901@lid",
                null,
                null,
                null,
                false,
                location,
                vcards,
                poll);
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

    @Test
    void anIncidentNamesItsHealStepAndWhereItsScreenshotIs() throws IOException {
        String incident = "9b7e1c2a-4d3f-4e5a-8b6c-7d8e9f0a1b2c";
        assertMatches(
                "incident.json",
                WebhookPayloads.incident(
                        "6f1c2d3e-0000-4000-8000-000000000007",
                        ACCOUNT,
                        new IncidentView(
                                incident,
                                Instant.ofEpochSecond(1795693806L),
                                "READY",
                                "READY",
                                "nothing from WhatsApp's servers for 300 s and the round trip to them failed",
                                "reload",
                                "server_silent",
                                "worker-1",
                                "/api/accounts/" + ACCOUNT + "/incidents/" + incident + "/screenshot",
                                null),
                        "https://wa.example.com/incident-screenshots/" + incident
                                + "?expires=1796298606&signature=q3V0b2xxVkJkRzQ5cWZ2eEZ5dTE4cWx0d2t2a3c2bXk"));
    }

    private static void assertMatches(String fixture, Object payload) throws IOException {
        try (InputStream in = WebhookPayloadsTest.class.getResourceAsStream("/webhooks/" + fixture)) {
            // Both read from JSON text, so numbers compare by value (not by Java type).
            JsonNode actual = JSON.readTree(JSON.writeValueAsString(payload));
            assertThat(actual).isEqualTo(JSON.readTree(in));
        }
    }
}
