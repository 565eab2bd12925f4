package io.wamonitor.contracts.event;

import io.wamonitor.contracts.Payload;
import java.util.List;

/** Delivery state of messages the account sent: 1 sent, 2 delivered, 3 read, 4 played, -1 failed. */
public record MessageAckChanged(List<String> messageIds, String chat, int ack) implements Payload {

    public MessageAckChanged {
        messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
    }

    /** The word for an ack level, as the API and webhooks show it. */
    public static String statusOf(int ack) {
        if (ack < 0) {
            return "failed";
        }
        return switch (ack) {
            case 0 -> "pending";
            case 1 -> "sent";
            case 2 -> "delivered";
            case 3 -> "read";
            default -> "played";
        };
    }
}
