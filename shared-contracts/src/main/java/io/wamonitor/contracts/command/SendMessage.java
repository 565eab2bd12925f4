package io.wamonitor.contracts.command;

import io.wamonitor.contracts.Payload;
import java.time.Instant;

/**
 * Send a text or a media message from the account; the worker answers with a SendResult event carrying this
 * command's envelope id. A send is done at most once: the worker refuses it after {@code deadline} (the
 * gateway has stopped waiting, and the client may have been told it failed) and never runs the same command twice.
 *
 * @param to       a chat id: {@code <digits>@c.us}, {@code <id>@g.us} or {@code <id>@lid}
 * @param text     the text, or the caption of a media message
 * @param media    null for a text message
 * @param deadline after this instant the worker refuses to start the send; null: no deadline (older gateways)
 */
public record SendMessage(String to, String text, Media media, Instant deadline) implements Payload {

    /** @param data the bytes, base64 */
    public record Media(String mimetype, String filename, String data) {}
}
