package io.wamonitor.simulator.network;

/** A message a linked page sends ({@code chat.sendTextMessage}/{@code sendFileMessage}). */
public record Outgoing(
        String id,
        String to,
        String type,
        String body,
        String caption,
        String mediaId,
        String mimetype,
        String filename,
        Integer duration) {}
