package io.wamonitor.simulator.network;

import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A page's live connection (server-sent events). Sending never throws: a broken connection reports false. */
public final class Connection {

    private final SseEmitter emitter;
    private volatile boolean open = true;

    public Connection(SseEmitter emitter) {
        this.emitter = emitter;
        emitter.onCompletion(() -> open = false);
        emitter.onTimeout(() -> open = false);
        emitter.onError(e -> open = false);
    }

    public synchronized boolean send(Push push) {
        if (!open) {
            return false;
        }
        try {
            emitter.send(SseEmitter.event()
                    .name(push.event())
                    .data(push.data(), MediaType.APPLICATION_JSON)
                    .reconnectTime(1000));
            return true;
        } catch (IOException | IllegalStateException e) {
            open = false;
            return false;
        }
    }

    public boolean isOpen() {
        return open;
    }

    public synchronized void close() {
        if (open) {
            open = false;
            try {
                emitter.complete();
            } catch (IllegalStateException ignored) {
                // already completed by the container
            }
        }
    }
}
