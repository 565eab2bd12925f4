package io.wamonitor.contracts.command;

import io.wamonitor.contracts.Payload;

/**
 * Send a text or a media message from the account; answered with a SendResult.
 *
 * @param to      a chat id: {@code <digits>@c.us} or {@code <id>@g.us}
 * @param text    the text, or the caption of a media message
 * @param media   null for a text message
 */
public record SendMessage(String to, String text, Media media) implements Payload {

    /** @param data the bytes, base64 */
    public record Media(String mimetype, String filename, String data) {
    }
}
