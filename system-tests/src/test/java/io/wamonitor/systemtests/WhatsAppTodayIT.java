package io.wamonitor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.wamonitor.testkit.ApiClient;
import io.wamonitor.testkit.Platform;
import io.wamonitor.testkit.RabbitBrokerExtension;
import io.wamonitor.testkit.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WhatsApp as it is today, through gateway, worker, Chromium and the simulator to a real webhook receiver: people
 * named by LID arrive with their phone number wherever it is known (and can be answered either way), and
 * locations, contact cards, polls, replies, forwards, reactions, edits and deletions arrive typed.
 */
@Tag("browser")
@ExtendWith(RabbitBrokerExtension.class)
class WhatsAppTodayIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final String PHONE = "15550005000";
    private static final String STRANGER = "15550005001";
    private static final String HIDDEN = "15550005002";
    private static final String MEMBER = "15550005003";
    private static final String FRIEND = "15550005004";

    @Test
    void lidsAndEveryKindOfMessageReachTheWebhookAsIntegratorsCanUseThem() {
        try (Platform platform = new Platform().with("OUTBOUND_ALLOW", "127.0.0.1");
                WebhookReceiver receiver = new WebhookReceiver()) {
            platform.startAll("worker-today");
            ApiClient api = platform.api();
            ApiClient sim = platform.simulator();
            String id = api.post(
                            "/api/accounts",
                            "{\"name\":\"Today\",\"webhook_url\":\"" + receiver.url() + "\",\"webhook_events\":"
                                    + "[\"message\",\"reaction\",\"message_edited\",\"message_revoked\"]}")
                    .text("id");
            platform.link(id, PHONE);

            // Someone who is not the phone's contact writes: WhatsApp names them by LID; the webhook gives the
            // number (the mapping is known) and the LID beside it.
            sim.post(
                    "/sim/phones/" + PHONE + "/inbound",
                    "{\"from\":\"" + STRANGER + "\",\"text\":\"hello from a stranger\",\"from_lid\":true,"
                            + "\"notify_name\":\"Sam\"}");
            JsonNode stranger = awaitEvent(receiver, "message", m -> "hello from a stranger".equals(text(m)));
            assertThat(stranger.path("from").asText()).isEqualTo(STRANGER + "@c.us");
            assertThat(stranger.path("from_phone").asText()).isEqualTo(STRANGER + "@c.us");
            assertThat(stranger.path("from_lid").asText()).matches("[0-9]+@lid");
            assertThat(stranger.path("to").asText()).isEqualTo(PHONE + "@c.us");
            assertThat(stranger.path("to_lid").asText()).matches("[0-9]+@lid");
            assertThat(stranger.path("sender_name").asText()).isEqualTo("Sam");
            String strangerLid = stranger.path("from_lid").asText();

            // Someone who hides their number: only the LID is known, and it is what `from` says.
            assertThat(sim.post(
                                    "/sim/numbers",
                                    "{\"phone\":\"" + HIDDEN + "\",\"name\":\"Bea\",\"hide_phone_number\":true}")
                            .status())
                    .isEqualTo(201);
            sim.post(
                    "/sim/phones/" + PHONE + "/inbound",
                    "{\"from\":\"" + HIDDEN + "\",\"text\":\"guess who\",\"from_lid\":true}");
            JsonNode hidden = awaitEvent(receiver, "message", m -> "guess who".equals(text(m)));
            String hiddenLid = hidden.path("from").asText();
            assertThat(hiddenLid).matches("[0-9]+@lid").isNotEqualTo(strangerLid);
            assertThat(hidden.path("from_phone").isNull()).isTrue();
            assertThat(hidden.path("from_lid").asText()).isEqualTo(hiddenLid);

            // Both can be answered with what the webhook gave: the LID, or a number as people write it.
            ApiClient.Response toLid = api.post(
                    "/api/accounts/" + id + "/messages/send", "{\"to\":\"" + hiddenLid + "\",\"message\":\"hi Bea\"}");
            assertThat(toLid.status()).as(toLid.toString()).isEqualTo(200);
            ApiClient.Response toFormatted = api.post(
                    "/api/accounts/" + id + "/messages/send", "{\"to\":\"+1 (555) 000-5001\",\"message\":\"hi Sam\"}");
            assertThat(toFormatted.status()).as(toFormatted.toString()).isEqualTo(200);
            ApiClient.Response toStrangerLid = api.post(
                    "/api/accounts/" + id + "/messages/send",
                    "{\"to\":\"" + strangerLid + "\",\"message\":\"hi again Sam\"}");
            assertThat(toStrangerLid.status()).as(toStrangerLid.toString()).isEqualTo(200);
            ApiClient.Response nonsense =
                    api.post("/api/accounts/" + id + "/messages/send", "{\"to\":\"call me maybe\",\"message\":\"?\"}");
            assertThat(nonsense.status()).isEqualTo(400);
            assertThat(nonsense.body()).contains("\"to\"");
            await("the replies on WhatsApp").atMost(EVENTUALLY).untilAsserted(() -> {
                List<String> sent = new ArrayList<>();
                sim.get("/sim/phones/" + PHONE + "/outbox")
                        .json()
                        .forEach(m -> sent.add(
                                m.path("to").asText() + " " + m.path("text").asText()));
                assertThat(sent)
                        .contains(HIDDEN + "@c.us hi Bea", STRANGER + "@c.us hi Sam", STRANGER + "@c.us hi again Sam");
            });

            // In a group WhatsApp names the author by LID; the webhook names them by number, with the LID.
            sim.post(
                    "/sim/phones/" + PHONE + "/inbound",
                    "{\"from\":\"" + MEMBER + "\",\"text\":\"group hello\",\"group\":\"120363055555555555\"}");
            JsonNode group = awaitEvent(receiver, "message", m -> "group hello".equals(text(m)));
            assertThat(group.path("from").asText()).isEqualTo("120363055555555555@g.us");
            assertThat(group.path("author").asText()).isEqualTo(MEMBER + "@c.us");
            assertThat(group.path("author_lid").asText()).matches("[0-9]+@lid");

            // Kinds of message, typed.
            sim.post("/sim/phones/" + PHONE + "/inbound", "{\"from\":\"" + FRIEND + "\",\"text\":\"where?\"}");
            JsonNode question = awaitEvent(receiver, "message", m -> "where?".equals(text(m)));
            String questionId = question.path("message_id").asText();
            sim.post(
                    "/sim/phones/" + PHONE + "/inbound",
                    "{\"from\":\"" + FRIEND + "\",\"location\":{\"latitude\":-23.5505,\"longitude\":-46.6333,"
                            + "\"name\":\"Praça da Sé\",\"address\":\"São Paulo\"},\"quoted_message_id\":\""
                            + questionId + "\"}");
            JsonNode location = awaitEvent(
                    receiver, "message", m -> "location".equals(m.path("type").asText()));
            assertThat(location.path("location").path("latitude").asDouble()).isEqualTo(-23.5505);
            assertThat(location.path("location").path("longitude").asDouble()).isEqualTo(-46.6333);
            assertThat(location.path("location").path("name").asText()).isEqualTo("Praça da Sé");
            assertThat(location.path("location").path("address").asText()).isEqualTo("São Paulo");
            assertThat(location.path("quoted_message_id").asText()).isEqualTo(questionId);

            String card = "BEGIN:VCARD\\nVERSION:3.0\\nFN:Ana Souza\\nTEL;waid=5511988887777:+55 11 98888-7777"
                    + "\\nEND:VCARD";
            sim.post(
                    "/sim/phones/" + PHONE + "/inbound",
                    "{\"from\":\"" + FRIEND + "\",\"contacts\":[{\"vcard\":\"" + card + "\"}],\"forwarded\":true}");
            JsonNode contacts = awaitEvent(receiver, "message", m -> m.has("contacts"));
            assertThat(contacts.path("contacts")).hasSize(1);
            assertThat(contacts.path("contacts").get(0).path("name").asText()).isEqualTo("Ana Souza");
            assertThat(contacts.path("contacts").get(0).path("vcard").asText()).contains("waid=5511988887777");
            assertThat(contacts.path("is_forwarded").asBoolean()).isTrue();

            sim.post(
                    "/sim/phones/" + PHONE + "/inbound",
                    "{\"from\":\"" + FRIEND + "\",\"poll\":{\"question\":\"Lunch?\",\"options\":[\"pizza\",\"sushi\"],"
                            + "\"multiple\":true}}");
            JsonNode poll = awaitEvent(receiver, "message", m -> m.has("poll"));
            assertThat(poll.path("poll").path("question").asText()).isEqualTo("Lunch?");
            assertThat(poll.path("poll").path("options").toString()).isEqualTo("[\"pizza\",\"sushi\"]");
            assertThat(poll.path("poll").path("multiple").asBoolean()).isTrue();

            // What happens to a message afterwards: a reaction (and taking it back), an edit, a deletion.
            react(sim, questionId, "👍");
            JsonNode reaction = awaitEvent(
                    receiver, "reaction", r -> "👍".equals(r.path("emoji").asText()));
            assertThat(reaction.path("message_id").asText()).isEqualTo(questionId);
            assertThat(reaction.path("from").asText()).isEqualTo(FRIEND + "@c.us");
            react(sim, questionId, "");
            JsonNode removed = awaitEvent(
                    receiver, "reaction", r -> r.path("emoji").asText().isEmpty());
            assertThat(removed.path("message_id").asText()).isEqualTo(questionId);

            assertThat(sim.post(
                                    "/sim/phones/" + PHONE + "/edits",
                                    "{\"from\":\"" + FRIEND + "\",\"message_id\":\"" + questionId
                                            + "\",\"text\":\"where exactly?\"}")
                            .status())
                    .isEqualTo(200);
            JsonNode edited = awaitEvent(receiver, "message_edited", e -> true);
            assertThat(edited.path("message_id").asText()).isEqualTo(questionId);
            assertThat(edited.path("text").asText()).isEqualTo("where exactly?");

            assertThat(sim.post(
                                    "/sim/phones/" + PHONE + "/revokes",
                                    "{\"from\":\"" + FRIEND + "\",\"message_id\":\"" + questionId + "\"}")
                            .status())
                    .isEqualTo(200);
            JsonNode revoked = awaitEvent(receiver, "message_revoked", e -> true);
            assertThat(revoked.path("message_id").asText()).isEqualTo(questionId);
            assertThat(revoked.path("from").asText()).isEqualTo(FRIEND + "@c.us");

            // Each event once.
            assertThat(receiver.received().stream()
                            .map(r -> r.json().path("event_id").asText())
                            .distinct()
                            .count())
                    .isEqualTo(receiver.received().size());
        }
    }

    private static void react(ApiClient sim, String messageId, String emoji) {
        ApiClient.Response response = sim.post(
                "/sim/phones/" + PHONE + "/reactions",
                "{\"from\":\"" + FRIEND + "\",\"message_id\":\"" + messageId + "\",\"emoji\":\"" + emoji + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static String text(JsonNode message) {
        return message.path("text").asText();
    }

    private static JsonNode awaitEvent(WebhookReceiver receiver, String event, Predicate<JsonNode> which) {
        return await("a " + event + " event")
                .atMost(EVENTUALLY)
                .until(
                        () -> receiver.received().stream()
                                .map(WebhookReceiver.Received::json)
                                .filter(j -> event.equals(j.path("event").asText()))
                                .filter(which)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }
}
