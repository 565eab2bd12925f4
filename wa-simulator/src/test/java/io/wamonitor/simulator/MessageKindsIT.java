package io.wamonitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * WhatsApp as it is today: people named by LID, and the kinds of message beyond text and media (locations,
 * contact cards, polls, replies, forwards) and the changes made to messages afterwards (reactions, edits,
 * deletions), each arriving in the page as WhatsApp Web and wa-js present them.
 */
class MessageKindsIT extends AbstractBrowserIT {

    /** Collects the change events wa-js emits, with their payloads flattened, into window.__changes. */
    private static final String LISTEN = """
            (() => {
              if (window.__changes) return true;
              window.__changes = [];
              const s = (w) => w == null ? null : (w._serialized || String(w));
              WPP.on('chat.new_reaction', r => window.__changes.push({event: 'reaction', id: s(r.id),
                msgId: s(r.msgId), text: r.reactionText, sender: s(r.sender), orphan: r.orphan,
                ms: r.timestamp > 1e11}));
              WPP.on('chat.msg_edited', e => window.__changes.push({event: 'edited', id: e.id, body: e.msg.body,
                editKey: s(e.msg.latestEditMsgKey)}));
              WPP.on('chat.msg_revoke', r => window.__changes.push({event: 'revoke', id: s(r.id), refId: s(r.refId),
                from: s(r.from), type: r.type}));
              return true;
            })()""";

    @Test
    void aSenderWhoIsNotAContactIsNamedByLidAndTheMappingGivesTheNumber() {
        link("15551000101");

        String id = inbound("15551000101", Map.of("from", "15557771001", "text", "hi", "from_lid", true))
                .path("message_id")
                .asText();

        assertThat(id).matches("false_[0-9]{15}@lid_[0-9A-F]+");
        String lid = id.split("_")[1];
        awaitMessage(id);
        assertThat(browser.eval("WPP.chat.getMessageById('" + id + "').then(m => [m.from._serialized, "
                        + "m.from.isLid(), m.id.remote._serialized])"))
                .isEqualTo(List.of(lid, true, lid));
        assertThat(browser.eval("WPP.contact.getPnLidEntry('" + lid + "').then(e => [e.lid._serialized, "
                        + "e.phoneNumber._serialized, e.phoneNumber.id, e.phoneNumber.server])"))
                .isEqualTo(List.of(lid, "15557771001@c.us", "15557771001", "c.us"));
        assertThat(browser.eval("WPP.contact.getPnLidEntry('15557771001@c.us').then(e => e.lid._serialized)"))
                .isEqualTo(lid);
        assertThat(browser.eval("WPP.contact.queryWidExists('" + lid + "').then(r => r.wid._serialized)"))
                .isEqualTo(lid);
        assertThat(browser.eval("WPP.contact.getPnLidEntry('120363012345678901@g.us').then(() => 'ok', e => e.code)"))
                .isEqualTo("invalid_wid");

        JsonNode phone = sim.get("/sim/phones/15551000101").json();
        assertThat(phone.path("phone").asText()).isEqualTo("15551000101");
        assertThat(phone.path("lid").asText()).matches("[0-9]{15}@lid");
    }

    @Test
    void someoneWhoHidesTheirNumberIsKnownOnlyByLid() {
        link("15551000102");
        SimControl.Response registered =
                sim.post("/sim/numbers", Map.of("phone", "15557771002", "name", "Bea", "hide_phone_number", true));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        String id = inbound("15551000102", Map.of("from", "15557771002", "text", "guess who", "from_lid", true))
                .path("message_id")
                .asText();
        String lid = id.split("_")[1];
        awaitMessage(id);

        assertThat(browser.eval("WPP.contact.getPnLidEntry('" + lid + "').then(e => [e.lid._serialized, "
                        + "e.phoneNumber === undefined])"))
                .isEqualTo(List.of(lid, true));
    }

    @Test
    void aMessageToALidReachesThePersonsPhone() {
        link("15551000103");
        String id = inbound("15551000103", Map.of("from", "15557771003", "text", "hi", "from_lid", true))
                .path("message_id")
                .asText();
        String lid = id.split("_")[1];
        awaitMessage(id);

        Object sent = browser.eval(
                "WPP.chat.sendTextMessage('" + lid + "', 'hello back', {waitForAck: true})" + ".then(r => r.id)");

        assertThat((String) sent).startsWith("true_" + lid + "_");
        JsonNode outbox = sim.get("/sim/phones/15551000103/outbox").json();
        assertThat(outbox.findValuesAsText("to")).contains("15557771003@c.us");
        assertThat(outbox.findValuesAsText("text")).contains("hello back");
    }

    @Test
    void groupAuthorsAreNamedByLid() {
        link("15551000104");

        String id = inbound(
                        "15551000104",
                        Map.of("from", "15557771004", "text", "hello group", "group", "120363012345678902"))
                .path("message_id")
                .asText();

        awaitMessage(id);
        Object shape = browser.eval("WPP.chat.getMessageById('" + id + "').then(m => [m.from._serialized, "
                + "m.author._serialized === m.id.participant._serialized, m.author.isLid(), m.author._serialized])");
        @SuppressWarnings("unchecked")
        List<Object> values = (List<Object>) shape;
        assertThat(values.subList(0, 3)).isEqualTo(List.of("120363012345678902@g.us", true, true));
        assertThat(browser.eval(
                        "WPP.contact.getPnLidEntry('" + values.get(3) + "')" + ".then(e => e.phoneNumber._serialized)"))
                .isEqualTo("15557771004@c.us");
    }

    @Test
    void locationsContactCardsPollsRepliesAndForwardsArriveTyped() {
        link("15551000105");
        String first = inbound("15551000105", Map.of("from", "15557771005", "text", "first"))
                .path("message_id")
                .asText();
        awaitMessage(first);

        String location = inbound(
                        "15551000105",
                        Map.of(
                                "from",
                                "15557771005",
                                "location",
                                Map.of(
                                        "latitude",
                                        -23.5505,
                                        "longitude",
                                        -46.6333,
                                        "name",
                                        "Praça da Sé",
                                        "address",
                                        "São Paulo"),
                                "quoted_message_id",
                                first))
                .path("message_id")
                .asText();
        String card = "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Souza\nTEL;waid=5511988887777:+55 11 98888-7777\nEND:VCARD";
        String contacts = inbound(
                        "15551000105",
                        Map.of(
                                "from",
                                "15557771005",
                                "contacts",
                                List.of(Map.of("vcard", card), Map.of("vcard", "BEGIN:VCARD\nFN:Bo\nEND:VCARD")),
                                "forwarded",
                                true))
                .path("message_id")
                .asText();
        String single = inbound(
                        "15551000105", Map.of("from", "15557771005", "contacts", List.of(Map.of("vcard", card))))
                .path("message_id")
                .asText();
        String poll = inbound(
                        "15551000105",
                        Map.of(
                                "from",
                                "15557771005",
                                "poll",
                                Map.of("question", "Lunch?", "options", List.of("pizza", "sushi"), "multiple", false)))
                .path("message_id")
                .asText();
        awaitMessage(poll);

        assertThat(browser.eval("WPP.chat.getMessageById('" + location + "').then(m => [m.type, m.lat, m.lng, m.loc, "
                        + "m.quotedMsgId._serialized, m.isForwarded])"))
                .isEqualTo(List.of("location", -23.5505, -46.6333, "Praça da Sé\nSão Paulo", first, false));
        assertThat(browser.eval("WPP.chat.getMessageById('" + contacts + "').then(m => [m.type, "
                        + "m.vcardList.map(v => v.displayName), m.vcardList[0].vcard, m.isForwarded])"))
                .isEqualTo(List.of("multi_vcard", List.of("Ana Souza", "Bo"), card, true));
        assertThat(browser.eval("WPP.chat.getMessageById('" + single + "').then(m => [m.type, m.body])"))
                .isEqualTo(List.of("vcard", card));
        assertThat(browser.eval("WPP.chat.getMessageById('" + poll + "').then(m => [m.type, m.pollName, "
                        + "m.pollOptions.map(o => o.name), m.pollSelectableOptionsCount])"))
                .isEqualTo(List.of("poll_creation", "Lunch?", List.of("pizza", "sushi"), 1));

        SimControl.Response badPoll = sim.post(
                "/sim/phones/15551000105/inbound",
                Map.of("from", "15557771005", "poll", Map.of("question", "?", "options", List.of("only one"))));
        assertThat(badPoll.status()).isEqualTo(400);
        assertThat(badPoll.json().path("code").asText()).isEqualTo("INVALID_POLL");
    }

    @Test
    void reactionsEditsAndDeletionsChangeTheMessageTheyName() {
        link("15551000106");
        String id = inbound("15551000106", Map.of("from", "15557771006", "text", "see you at 7"))
                .path("message_id")
                .asText();
        awaitMessage(id);
        browser.eval(LISTEN);

        String reaction = change("reactions", Map.of("from", "15557771006", "message_id", id, "emoji", "👍"));
        String edit = change("edits", Map.of("from", "15557771006", "message_id", id, "text", "see you at 8"));
        String unreact = change("reactions", Map.of("from", "15557771006", "message_id", id, "emoji", ""));

        await().pollInSameThread()
                .atMost(EVENTUALLY)
                .untilAsserted(() ->
                        assertThat(browser.eval("window.__changes.length")).isEqualTo(3));
        assertThat(browser.eval("window.__changes"))
                .isEqualTo(List.of(
                        Map.of(
                                "event",
                                "reaction",
                                "id",
                                reaction,
                                "msgId",
                                id,
                                "text",
                                "👍",
                                "sender",
                                "15557771006@c.us",
                                "orphan",
                                0,
                                "ms",
                                true),
                        Map.of("event", "edited", "id", id, "body", "see you at 8", "editKey", edit),
                        Map.of(
                                "event",
                                "reaction",
                                "id",
                                unreact,
                                "msgId",
                                id,
                                "text",
                                "",
                                "sender",
                                "15557771006@c.us",
                                "orphan",
                                0,
                                "ms",
                                true)));
        assertThat(browser.eval("WPP.chat.getMessageById('" + id + "').then(m => m.body)"))
                .isEqualTo("see you at 8");

        SimControl.Response notTheirs =
                sim.post("/sim/phones/15551000106/edits", Map.of("from", "15557779999", "message_id", id, "text", "x"));
        assertThat(notTheirs.status()).isEqualTo(409);

        String revoke = change("revokes", Map.of("from", "15557771006", "message_id", id));
        await().pollInSameThread()
                .atMost(EVENTUALLY)
                .untilAsserted(() ->
                        assertThat(browser.eval("window.__changes.length")).isEqualTo(4));
        assertThat(browser.eval("window.__changes[3]"))
                .isEqualTo(Map.of(
                        "event", "revoke", "id", revoke, "refId", id, "from", "15557771006@c.us", "type", "revoke"));
        assertThat(browser.eval("WPP.chat.getMessageById('" + id + "').then(m => [m.type, m.body === undefined])"))
                .isEqualTo(List.of("revoked", true));
    }

    @Test
    void changesMadeWhileThePageWasClosedArriveWhenItReturns() {
        link("15551000107");
        String id = inbound("15551000107", Map.of("from", "15557771007", "text", "typo"))
                .path("message_id")
                .asText();
        awaitMessage(id);
        browser.closeBrowser();

        SimControl.Response edited = sim.post(
                "/sim/phones/15551000107/edits", Map.of("from", "15557771007", "message_id", id, "text", "fixed"));
        assertThat(edited.json().path("queued").asBoolean())
                .as(edited.toString())
                .isTrue();

        browser.open(sim.base() + "/");
        awaitMain();
        await().pollInSameThread()
                .atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(browser.eval("WPP.chat.getMessageById('" + id + "').then(m => m.body)"))
                        .isEqualTo("fixed"));
    }

    private JsonNode inbound(String phone, Map<String, Object> body) {
        SimControl.Response response = sim.post("/sim/phones/" + phone + "/inbound", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private String change(String kind, Map<String, Object> body) {
        SimControl.Response response = sim.post("/sim/phones/15551000106/" + kind, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("message_id").asText();
    }

    private void awaitMessage(String id) {
        await().pollInSameThread()
                .atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(
                                browser.eval("WPP.chat.getMessageById('" + id + "').then(m => !!m, () => false)"))
                        .isEqualTo(true));
    }
}
