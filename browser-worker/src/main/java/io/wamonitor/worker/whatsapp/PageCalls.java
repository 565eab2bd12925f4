package io.wamonitor.worker.whatsapp;

import io.wamonitor.worker.browser.BrowserPage;
import java.time.Instant;
import java.util.Map;

/**
 * Calls into window.WPP. Every call runs inside a try/catch in the page and comes back as
 * {@code {ok, code, message, value}}: Playwright drops an error's {@code .code} across evaluate, and wa-js
 * sometimes throws strings or plain objects.
 */
public final class PageCalls {

    private static final String WRAPPER = """
            async (arg) => {
              try {
                if (!window.WPP) return {ok: false, code: 'wpp_missing', message: 'window.WPP is not loaded'};
                const value = await (%s);
                return {ok: true, value: value === undefined ? null : value};
              } catch (e) {
                return {ok: false, code: (e && e.code) || null, message: (e && e.message) || String(e)};
              }
            }""";

    private static final String PROBE = """
            () => {
              const W = window.WPP;
              if (!W || !W.isReady) return {ready: false};
              const stream = W.conn.getStreamData() || {};
              const me = W.conn.getMyUserId();
              const build = (W.conn.getBuildConstants && W.conn.getBuildConstants()) || {};
              return {ready: true, registered: !!W.conn.isRegistered(), mode: stream.mode || null,
                      online: W.conn.isOnline() !== false, idle: !!W.conn.isIdle(),
                      webVersion: build.VERSION_STR || (window.Debug && window.Debug.VERSION) || null,
                      waJsVersion: W.version || null,
                      me: me ? (me._serialized || String(me)) : null,
                      contactAt: (window.__wamHealth && window.__wamHealth.contactAt) || null};
            }""";

    private PageCalls() {}

    public record Result(boolean ok, String code, String message, Object value) {}

    /** Runs {@code expression} (which may use {@code arg} and await) in the page. */
    public static Result call(BrowserPage page, String expression, Object arg) {
        Object raw = page.evaluate(WRAPPER.formatted(expression), arg);
        if (!(raw instanceof Map<?, ?> map)) {
            return new Result(false, "bad_result", "unexpected result " + raw, null);
        }
        return new Result(
                Boolean.TRUE.equals(map.get("ok")),
                (String) map.get("code"),
                (String) map.get("message"),
                map.get("value"));
    }

    public static Probe probe(BrowserPage page) {
        Object raw = page.evaluate(PROBE, null);
        if (!(raw instanceof Map<?, ?> map) || !Boolean.TRUE.equals(map.get("ready"))) {
            return Probe.NOT_READY;
        }
        return new Probe(
                true,
                Boolean.TRUE.equals(map.get("registered")),
                (String) map.get("mode"),
                !Boolean.FALSE.equals(map.get("online")),
                Boolean.TRUE.equals(map.get("idle")),
                (String) map.get("me"),
                map.get("webVersion") instanceof String web ? web : null,
                map.get("waJsVersion") instanceof String waJs ? waJs : null,
                map.get("contactAt") instanceof Number at ? Instant.ofEpochMilli(at.longValue()) : null);
    }

    /** Asks the page to make round trip {@code id} to WhatsApp's servers; its answer comes as a page event. */
    public static boolean startRoundTrip(BrowserPage page, long id) {
        return Boolean.TRUE.equals(
                // Playwright passes no Java long into the page: the id travels as text.
                page.evaluate(
                        "(id) => !!(window.__wamHealth && window.__wamHealth.roundTrip(id))", String.valueOf(id)));
    }

    /** True for the errors Playwright raises while the page navigates (WhatsApp Web reloads itself). */
    public static boolean isNavigation(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Execution context was destroyed")
                || message.contains("navigat")
                || message.contains("Cannot find context")
                || message.contains("Target page, context or browser");
    }
}
