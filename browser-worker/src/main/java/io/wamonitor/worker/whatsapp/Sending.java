package io.wamonitor.worker.whatsapp;

import io.wamonitor.contracts.command.SendMessage;
import io.wamonitor.contracts.event.SendResult;
import io.wamonitor.worker.browser.BrowserPage;

import java.util.HashMap;
import java.util.Map;

/**
 * Sending through WPP as wa-js-surface.md 7.4 and 7.5 describe: the recipient is checked with queryWidExists
 * first (WhatsApp does not reliably reject unknown numbers), then sendTextMessage / sendFileMessage without
 * marking the chat read, waiting for the server's acceptance.
 */
public final class Sending {

    private static final String SEND = """
            (async () => {
              let chat = arg.to;
              if (!chat.endsWith('@g.us')) {
                const exists = await WPP.contact.queryWidExists(chat);
                if (!exists) return {notOnWhatsApp: true};
                chat = exists.wid._serialized || String(exists.wid);
              }
              const options = {markIsRead: false, waitForAck: true};
              const result = arg.media
                ? await WPP.chat.sendFileMessage(chat, 'data:' + arg.media.mimetype + ';base64,' + arg.media.data,
                    Object.assign(options, {type: 'auto-detect', caption: arg.text || undefined,
                      filename: arg.media.filename || undefined, mimetype: arg.media.mimetype}))
                : await WPP.chat.sendTextMessage(chat, arg.text, Object.assign(options, {linkPreview: false}));
              const outcome = result.sendMsgResult && result.sendMsgResult.messageSendResult;
              return {id: result.id, ack: result.ack, outcome: outcome || null};
            })()""";

    private Sending() {
    }

    public static SendResult send(BrowserPage page, SendMessage message) {
        Map<String, Object> arg = new HashMap<>();
        arg.put("to", message.to());
        arg.put("text", message.text());
        if (message.media() != null) {
            Map<String, Object> media = new HashMap<>();
            media.put("mimetype", message.media().mimetype());
            media.put("filename", message.media().filename());
            media.put("data", message.media().data());
            arg.put("media", media);
        }
        PageCalls.Result result = PageCalls.call(page, SEND, arg);
        if (!result.ok()) {
            String code = result.code() == null ? "SEND_FAILED" : result.code().toUpperCase();
            return SendResult.failed(code, result.message());
        }
        Map<?, ?> value = (Map<?, ?>) result.value();
        if (Boolean.TRUE.equals(value.get("notOnWhatsApp"))) {
            return SendResult.failed("RECIPIENT_NOT_ON_WHATSAPP", message.to() + " is not on WhatsApp");
        }
        Object outcome = value.get("outcome");
        if (outcome != null && !"OK".equals(outcome)) {
            return SendResult.failed("SEND_FAILED", "WhatsApp answered " + outcome);
        }
        Integer ack = value.get("ack") instanceof Number n ? n.intValue() : null;
        return new SendResult(true, null, null, (String) value.get("id"), ack, System.currentTimeMillis() / 1000);
    }
}
