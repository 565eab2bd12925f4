package io.wamonitor.simulator.network;

/**
 * Something the account sent, as the recipient's side (and the control API) sees it.
 *
 * @param source {@code web} when sent by a linked device (the page), {@code phone} when by the phone itself
 */
public record OutboxEntry(
        String messageId,
        String id,
        String to,
        String type,
        String text,
        String caption,
        String mimetype,
        String filename,
        Long size,
        String sha256,
        String mediaId,
        int ack,
        String source,
        long timestamp) {

    OutboxEntry withAck(int newAck) {
        return new OutboxEntry(
                messageId,
                id,
                to,
                type,
                text,
                caption,
                mimetype,
                filename,
                size,
                sha256,
                mediaId,
                Math.max(ack, newAck),
                source,
                timestamp);
    }
}
