package io.wamonitor.gateway.messaging;

/**
 * The answer to a send: WhatsApp's id of the message, {@code sent} once WhatsApp's server accepted it
 * ({@code pending} before), its time (epoch seconds) and the chat it went to.
 */
public record SendAnswer(String messageId, String status, long timestamp, String to) {}
