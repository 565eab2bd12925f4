package io.wamonitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Messages in and out of a linked page: live objects, media, ciphertext, offline queues, acks, errors. */
class MessagingIT extends AbstractBrowserIT {

    static final String PNG_1PX =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    @Test
    void inboundTextArrivesAsALiveMessageModel() {
        link("15551000001");

        String id = inbound("15551000001", Map.of("from", "15557770001", "text", "hi there"))
                .path("message_id")
                .asText();

        assertThat(id).startsWith("false_15557770001@c.us_");
        awaitMessageEvent(id);
        assertThat(newMessages(id))
                .singleElement()
                .satisfies(e -> assertThat(e.args())
                        .contains("\"type\":\"chat\"", "\"body\":\"hi there\"", "\"fromMe\":false"));
        Object shape = browser.eval("WPP.chat.getMessageById('" + id + "').then(m => ({"
                + "ownKeys: Object.keys(m).includes('body'), body: m.body, from: m.from._serialized,"
                + "fromIsWid: typeof m.from.isUser === 'function' && m.from.isUser(), keyString: String(m.id),"
                + "remote: m.id.remote._serialized, isGroup: m.isGroupMsg, serialized: m.serialize().body}))");
        assertThat(shape)
                .isEqualTo(Map.of(
                        "ownKeys",
                        false,
                        "body",
                        "hi there",
                        "from",
                        "15557770001@c.us",
                        "fromIsWid",
                        true,
                        "keyString",
                        id,
                        "remote",
                        "15557770001@c.us",
                        "isGroup",
                        false,
                        "serialized",
                        "hi there"));
    }

    @Test
    void groupMessageNamesItsAuthor() {
        link("15551000002");

        String id = inbound(
                        "15551000002",
                        Map.of("from", "15557770002", "text", "hello group", "group", "120363012345678901"))
                .path("message_id")
                .asText();

        awaitMessageEvent(id);
        // WhatsApp names group members by LID (MessageKindsIT checks the mapping back to the number).
        Object shape = browser.eval("WPP.chat.getMessageById('" + id + "').then(m => ({group: m.isGroupMsg,"
                + "authorIsLid: m.author.isLid(), from: m.from._serialized,"
                + "participantIsAuthor: m.id.participant._serialized === m.author._serialized}))");
        assertThat(shape)
                .isEqualTo(Map.of(
                        "group",
                        true,
                        "authorIsLid",
                        true,
                        "from",
                        "120363012345678901@g.us",
                        "participantIsAuthor",
                        true));
    }

    @Test
    void imageWithCaptionDownloadsTheSameBytes() {
        link("15551000003");

        String id = inbound(
                        "15551000003",
                        Map.of(
                                "from",
                                "15557770003",
                                "text",
                                "look at this",
                                "media",
                                Map.of("mimetype", "image/png", "filename", "dot.png", "data", PNG_1PX)))
                .path("message_id")
                .asText();

        awaitMessageEvent(id);
        assertThat(newMessages(id).get(0).args()).contains("\"type\":\"image\"", "\"caption\":\"look at this\"");
        Object dataUrl = browser.eval("WPP.chat.downloadMedia('" + id + "').then(WPP.util.blobToBase64)");
        assertThat(dataUrl).isEqualTo("data:image/png;base64," + PNG_1PX);
        Object meta = browser.eval("WPP.chat.getMessageById('" + id + "').then(m => [m.mimetype, m.filename, "
                + "m.size, !!m.mediaData, m.isMedia])");
        assertThat(meta).isEqualTo(List.of("image/png", "dot.png", 70, true, true));
    }

    @Test
    void anUndecryptedPlaceholderIsFollowedByTheRealMessageOnTheSameObject() {
        link("15551000004");

        String id = inbound("15551000004", Map.of("from", "15557770004", "text", "secret", "ciphertext", true))
                .path("message_id")
                .asText();

        await().pollInSameThread().atMost(EVENTUALLY).untilAsserted(() -> {
            browser.eval("1");
            assertThat(newMessages(id)).hasSize(2);
        });
        assertThat(newMessages(id).get(0).args()).contains("\"type\":\"ciphertext\"");
        assertThat(newMessages(id).get(1).args()).contains("\"type\":\"chat\"", "\"body\":\"secret\"");
    }

    @Test
    void messagesSentWhileOfflineArriveInOrderOnReconnect() {
        link("15551000005");
        sim.post("/sim/phones/15551000005/connection", Map.of("online", false));
        awaitEvent("conn.online");
        assertThat(browser.eval("WPP.conn.isOnline()")).isEqualTo(false);
        assertThat(browser.eval("WPP.conn.getStreamData().mode")).isEqualTo("OFFLINE");

        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            JsonNode delivered = inbound("15551000005", Map.of("from", "15557770005", "text", "queued " + i));
            assertThat(delivered.path("queued").asBoolean()).isTrue();
            ids.add(delivered.path("message_id").asText());
        }
        browser.eval("1");
        assertThat(ids).allSatisfy(id -> assertThat(newMessages(id)).isEmpty());

        sim.post("/sim/phones/15551000005/connection", Map.of("online", true));

        awaitMain();
        await().pollInSameThread().atMost(EVENTUALLY).untilAsserted(() -> {
            browser.eval("1");
            assertThat(browser.named("chat.new_message").stream()
                            .map(SimBrowser.Event::args)
                            .map(a -> a.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"))
                            .filter(ids::contains)
                            .toList())
                    .containsExactlyElementsOf(ids);
        });
        assertThat(browser.eval("WPP.conn.isOnline()")).isEqualTo(true);
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(sim.get("/sim/phones/15551000005")
                                .json()
                                .path("devices")
                                .get(0)
                                .path("pending_messages")
                                .asInt())
                        .as("confirmed by the page")
                        .isZero());
    }

    @Test
    void messagesSentWhileTheBrowserWasClosedArriveOnTheNextLoad() {
        link("15551000006");
        browser.closeBrowser();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(inbound("15551000006", Map.of("from", "15557770006", "text", "while closed " + i))
                    .path("message_id")
                    .asText());
        }
        browser.events.clear();

        browser.open(sim.base() + "/");

        awaitMain();
        await().pollInSameThread().atMost(EVENTUALLY).untilAsserted(() -> {
            browser.eval("1");
            assertThat(ids).allSatisfy(id -> assertThat(newMessages(id)).hasSize(1));
        });
    }

    @Test
    void sentTextReachesTheOutboxAndCollectsDeliveryAndReadAcks() {
        link("15551000007");
        sim.post("/sim/numbers", Map.of("phone", "15557770007", "name", "Alice"));

        Object exists = browser.eval("WPP.contact.queryWidExists('15557770007').then(r => r && r.wid._serialized)");
        assertThat(exists).isEqualTo("15557770007@c.us");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>)
                browser.eval("WPP.chat.sendTextMessage('15557770007@c.us', 'Test from API', {markIsRead: false, "
                        + "linkPreview: false, waitForAck: true}).then(r => ({id: r.id, ack: r.ack, to: r.to, "
                        + "result: r.sendMsgResult.messageSendResult}))");

        String id = (String) result.get("id");
        assertThat(id).startsWith("true_15557770007@c.us_3EB0");
        assertThat(result)
                .containsEntry("ack", 1)
                .containsEntry("result", "OK")
                .containsEntry("to", "15557770007@c.us");
        await().pollInSameThread().atMost(EVENTUALLY).untilAsserted(() -> {
            browser.eval("1");
            assertThat(browser.named("chat.msg_ack_change").stream()
                            .map(SimBrowser.Event::args)
                            .filter(a -> a.contains(id))
                            .map(a -> a.replaceAll(".*\"ack\":(\\d).*", "$1"))
                            .toList())
                    .containsExactly("1", "2", "3");
        });
        assertThat(newMessages(id).get(0).args()).contains("\"fromMe\":true", "\"ack\":0");
        JsonNode outbox = sim.get("/sim/phones/15551000007/outbox").json();
        assertThat(outbox).singleElement().satisfies(entry -> {
            assertThat(entry.path("message_id").asText()).isEqualTo(id);
            assertThat(entry.path("to").asText()).isEqualTo("15557770007@c.us");
            assertThat(entry.path("type").asText()).isEqualTo("chat");
            assertThat(entry.path("text").asText()).isEqualTo("Test from API");
            assertThat(entry.path("ack").asInt()).isEqualTo(3);
            assertThat(entry.path("source").asText()).isEqualTo("web");
        });
    }

    @Test
    void sentDocumentKeepsItsBytesNameAndCaption() throws Exception {
        link("15551000008");
        sim.post("/sim/numbers", Map.of("phone", "15557770008"));
        byte[] pdf = "%PDF-1.4\nsimulated report\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String dataUrl = "data:application/pdf;base64," + Base64.getEncoder().encodeToString(pdf);

        Object id = browser.eval(
                "WPP.chat.sendFileMessage('15557770008@c.us', '" + dataUrl + "', {type: 'document',"
                        + " filename: 'report.pdf', caption: 'Q3 numbers', markIsRead: false, waitForAck: true}).then(r => r.id)");

        JsonNode entry = sim.get("/sim/phones/15551000008/outbox").json().get(0);
        assertThat(entry.path("message_id").asText()).isEqualTo(id);
        assertThat(entry.path("type").asText()).isEqualTo("document");
        assertThat(entry.path("caption").asText()).isEqualTo("Q3 numbers");
        assertThat(entry.path("filename").asText()).isEqualTo("report.pdf");
        assertThat(entry.path("mimetype").asText()).isEqualTo("application/pdf");
        assertThat(entry.path("size").asInt()).isEqualTo(pdf.length);
        assertThat(entry.path("sha256").asText())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(sim.get("/sim/phones/15551000008/outbox/" + id + "/media").body())
                .isEqualTo(pdf);
    }

    @Test
    void aNumberNotOnWhatsAppIsReportedAndCannotBeMessaged() {
        link("15551000009");

        assertThat(browser.eval("WPP.contact.queryWidExists('15559990000')")).isNull();
        Object error = browser.eval(
                "WPP.chat.sendTextMessage('15559990000@c.us', 'hello?').then(() => 'sent'," + " e => e.message)");
        assertThat(error).isEqualTo("Failed to find or create chat for 15559990000@c.us");
        assertThat(sim.get("/sim/phones/15551000009/outbox").json()).isEmpty();
    }

    @Test
    void errorsCarryWaJsCodes() {
        link("15551000010");

        assertThat(browser.eval("WPP.chat.getMessageById('false_1555@c.us_NOPE').catch(e => e.code)"))
                .isEqualTo("msg_not_found");
        assertThat(browser.eval("WPP.chat.sendTextMessage('not a number', 'x').catch(e => e.code)"))
                .isEqualTo("invalid_wid");
        assertThat(browser.eval("WPP.chat.markIsRead('15550000042@c.us').catch(e => e.code)"))
                .isEqualTo("chat_not_found");
        assertThat(browser.eval("WPP.conn.genLinkDeviceCodeForPhoneNumber('15550000042').catch(e => e.code)"))
                .isEqualTo("cannot_get_code_for_already_authenticated");
        assertThat(browser.eval("WPP.chat.sendFileMessage('15550000042@c.us', 'not base64 !!', {}).catch(e => e)"))
                .isEqualTo("invalid_data_url");
    }

    @Test
    void aMessageSentFromThePhoneArrivesAsFromMe() {
        link("15551000011");

        String id = sim.post("/sim/phones/15551000011/send", Map.of("to", "15557770011", "text", "from my phone"))
                .json()
                .path("message_id")
                .asText();

        assertThat(id).startsWith("true_15557770011@c.us_");
        awaitMessageEvent(id);
        assertThat(newMessages(id).get(0).args()).contains("\"fromMe\":true", "\"body\":\"from my phone\"");
        assertThat(sim.get("/sim/phones/15551000011/outbox")
                        .json()
                        .get(0)
                        .path("source")
                        .asText())
                .isEqualTo("phone");
    }

    @Test
    void aConflictHoldsThePageUntilItTakesOver() {
        link("15551000012");

        sim.post("/sim/phones/15551000012/conflict", Map.of());
        awaitEval("WPP.conn.getStreamData().mode", "CONFLICT");
        assertThat(browser.eval("WPP.whatsapp.Socket.state")).isEqualTo("CONFLICT");
        String id = inbound("15551000012", Map.of("from", "15557770012", "text", "during conflict"))
                .path("message_id")
                .asText();

        browser.eval("WPP.whatsapp.Socket.takeover()");

        awaitMain();
        awaitMessageEvent(id);
    }

    @Test
    void theMainScreenShowsChatsAndAConversation() {
        link("15551000013");
        inbound(
                "15551000013",
                Map.of("from", "15557770013", "text", "Hi! Are we still on for tomorrow?", "notify_name", "Maria"));
        String last = inbound(
                        "15551000013",
                        Map.of(
                                "from",
                                "15557770013",
                                "text",
                                "Here is the menu",
                                "media",
                                Map.of("mimetype", "image/png", "filename", "menu.png", "data", PNG_1PX)))
                .path("message_id")
                .asText();
        awaitMessageEvent(last);
        browser.eval("WPP.chat.sendTextMessage('15557770013@c.us', 'Yes, see you at 8', {waitForAck: true})"
                + ".then(r => r.id)");

        await().pollInSameThread()
                .atMost(EVENTUALLY)
                .untilAsserted(() ->
                        assertThat(browser.page().locator(".bubble").count()).isEqualTo(3));
        assertThat(browser.page().locator(".chat-item .name").first().textContent())
                .isEqualTo("Maria");
        assertThat(browser.page().locator(".bubble.out .body").textContent()).isEqualTo("Yes, see you at 8");
        assertThat(browser.page().locator(".bubble img.thumb").count()).isEqualTo(1);
        browser.page().screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "simulator-main-screen.png")));
    }

    // ---- steps -------------------------------------------------------------------------------------------

    JsonNode inbound(String phone, Map<String, Object> body) {
        SimControl.Response response = sim.post("/sim/phones/" + phone + "/inbound", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    List<SimBrowser.Event> newMessages(String id) {
        return browser.named("chat.new_message").stream()
                .filter(e -> e.args().contains("\"id\":\"" + id + "\""))
                .toList();
    }

    void awaitMessageEvent(String id) {
        await().pollInSameThread().atMost(EVENTUALLY).untilAsserted(() -> {
            browser.eval("1");
            assertThat(newMessages(id)).isNotEmpty();
        });
    }
}
