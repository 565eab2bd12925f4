package io.wamonitor.worker.whatsapp;

import io.wamonitor.contracts.command.SendMessage;
import io.wamonitor.contracts.event.SendResult;
import io.wamonitor.worker.browser.BrowserPage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Sending through WPP as docs/WA-JS.md section 7 describes: the recipient is checked with queryWidExists
 * first (WhatsApp does not reliably reject unknown numbers), then sendTextMessage / sendFileMessage without
 * marking the chat read, waiting for the server's acceptance. Each send uses a message key id derived from its
 * command ({@code messageId} option), so after a crash the worker can look in WhatsApp Web for whether it went out.
 */
public final class Sending {

    /*
     * The wait is bounded (arg.waitMs): on a socket that silently stopped answering, the recipient check or the
     * server's ack would never come, and the session's owner thread, its probes and its health checks with it. When
     * the time is up before the message was handed to wa-js, it never will be (not sent); after, when WhatsApp Web
     * has the message, it sends it when it can (pending, ack 0; its receipts follow as ack events); when it does not
     * have it yet, the send's own outcome is awaited.
     */
    private static final String SEND = """
            (async () => {
              let timedOut = false;
              let handedOver = false;
              let chat = arg.to;
              const work = (async () => {
                if (!chat.endsWith('@g.us')) {
                  const exists = await WPP.contact.queryWidExists(chat);
                  if (!exists) return {notOnWhatsApp: true};
                  chat = exists.wid._serialized || String(exists.wid);
                }
                if (timedOut) return {timedOut: true};
                handedOver = true;
                const options = {markIsRead: false, waitForAck: true, messageId: 'true_' + chat + '_' + arg.keyId};
                const result = arg.media
                  ? await WPP.chat.sendFileMessage(chat, 'data:' + arg.media.mimetype + ';base64,' + arg.media.data,
                      Object.assign(options, {type: 'auto-detect', caption: arg.text || undefined,
                        filename: arg.media.filename || undefined, mimetype: arg.media.mimetype}))
                  : await WPP.chat.sendTextMessage(chat, arg.text, Object.assign(options, {linkPreview: false}));
                const outcome = result.sendMsgResult && result.sendMsgResult.messageSendResult;
                return {id: result.id, ack: result.ack, outcome: outcome || null};
              })();
              let timer;
              const late = new Promise((resolve) => {
                timer = setTimeout(() => { timedOut = true; resolve(null); }, arg.waitMs);
              });
              const first = await Promise.race([work, late]);
              clearTimeout(timer);
              if (first) return first;
              if (!handedOver) {
                work.catch(() => {});
                return {timedOut: true};
              }
              // Pending only when WhatsApp Web has the message (it sends it when it can); while wa-js is still
              // preparing it (a group's participants, a file), the send's own outcome is awaited as before.
              const id = 'true_' + chat + '_' + arg.keyId;
              const made = await WPP.chat.getMessageById(id).then((m) => m, () => null);
              if (!made) return await work;
              work.catch(() => {});
              return {id, ack: typeof made.ack === 'number' ? made.ack : 0, pending: true};
            })()""";

    /** A sent message of this key id in the chat, if WhatsApp Web has it; null otherwise. */
    private static final String FIND = """
            WPP.chat.getMessageById('true_' + arg.to + '_' + arg.keyId)
              .then(m => ({id: m.id._serialized || String(m.id), ack: typeof m.ack === 'number' ? m.ack : null,
                           t: typeof m.t === 'number' ? m.t : null}), () => null)""";

    private Sending() {}

    /** The WhatsApp message key id of a command's send: WhatsApp Web's own shape (3EB0 and hex), from the id. */
    public static String keyIdOf(UUID commandId) {
        return ("3EB0" + commandId.toString().replace("-", "").substring(0, 20)).toUpperCase(Locale.ROOT);
    }

    /**
     * Sends, waiting at most {@code waitAtMost} for WhatsApp: a message it has taken but not yet acknowledged by then
     * is reported sent with ack 0 (pending); one it never took (the recipient check got no answer) is reported not
     * sent.
     */
    public static SendResult send(BrowserPage page, SendMessage message, String keyId, Duration waitAtMost) {
        Map<String, Object> arg = new HashMap<>();
        // An int: Playwright cannot pass a Java long into the page.
        arg.put("waitMs", (int) Math.min(Integer.MAX_VALUE, Math.max(1, waitAtMost.toMillis())));
        arg.put("to", message.to());
        arg.put("text", message.text());
        arg.put("keyId", keyId);
        if (message.media() != null) {
            Map<String, Object> media = new HashMap<>();
            media.put("mimetype", message.media().mimetype());
            media.put("filename", message.media().filename());
            media.put("data", message.media().data());
            arg.put("media", media);
        }
        PageCalls.Result result = PageCalls.call(page, SEND, arg);
        if (!result.ok()) {
            String code = result.code() == null ? "SEND_FAILED" : result.code().toUpperCase(Locale.ROOT);
            return SendResult.failed(code, result.message());
        }
        Map<?, ?> value = (Map<?, ?>) result.value();
        if (Boolean.TRUE.equals(value.get("timedOut"))) {
            return SendResult.failed(
                    "SEND_FAILED",
                    "WhatsApp did not answer within " + waitAtMost.toSeconds()
                            + " s (the recipient check went unanswered); the message was not sent");
        }
        if (Boolean.TRUE.equals(value.get("notOnWhatsApp"))) {
            return SendResult.failed("RECIPIENT_NOT_ON_WHATSAPP", message.to() + " is not on WhatsApp");
        }
        Object outcome = value.get("outcome");
        if (outcome != null && !"OK".equals(outcome)) {
            return SendResult.failed("SEND_FAILED", "WhatsApp answered " + outcome);
        }
        Integer ack = value.get("ack") instanceof Number n ? n.intValue() : null;
        return new SendResult(
                true, null, null, (String) value.get("id"), ack, Instant.now().getEpochSecond(), null);
    }

    /**
     * How a send that a crash interrupted ended, read from WhatsApp Web: the message with its key id is there
     * (it went out), or it is not (it did not, as far as this device knows: reported, never sent again).
     */
    public static SendResult settleInterrupted(BrowserPage page, String to, String keyId) {
        PageCalls.Result result = PageCalls.call(page, FIND, Map.of("to", to, "keyId", keyId));
        if (result.ok() && result.value() instanceof Map<?, ?> found) {
            Integer ack = found.get("ack") instanceof Number n ? n.intValue() : null;
            Long t = found.get("t") instanceof Number n ? n.longValue() : null;
            return new SendResult(true, null, null, (String) found.get("id"), ack, t, null);
        }
        return SendResult.failed(
                "SEND_INTERRUPTED",
                "the worker stopped during the send and WhatsApp Web shows "
                        + "no such message; it was not sent again");
    }
}
