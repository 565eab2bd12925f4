package io.wamonitor.contracts.event;

import io.wamonitor.contracts.Payload;

import java.util.List;

/** Delivery state of messages the account sent: 1 sent, 2 delivered, 3 read, 4 played, -1 failed. */
public record MessageAckChanged(List<String> messageIds, String chat, int ack) implements Payload {

    public MessageAckChanged {
        messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
    }
}
