package io.wamonitor.worker.browser;

import java.time.Duration;

/**
 * One account's browser and its single page. Not thread-safe: every call belongs to the session's owner
 * thread, and page events (binding calls) reach Java only during a call, so the owner pumps when idle.
 */
public interface BrowserPage extends AutoCloseable {

    /** Evaluates a JavaScript function expression with one argument; page errors surface as exceptions. */
    Object evaluate(String function, Object argument);

    /** Screenshot of the page as it is (no navigation): {@code png}, or {@code jpeg} with a quality. */
    byte[] screenshot(String format, Integer quality);

    /** Lets queued page events reach Java for up to {@code duration}. */
    void pump(Duration duration);

    /** The renderer crashed: the page is unusable until {@link #replacePage()}. */
    boolean crashed();

    /** The browser process went away. */
    boolean browserGone();

    /** A new page in the same context (profile and bindings kept), navigated to the setup URL. */
    void replacePage();

    /**
     * Whether the page runs a trivial script within {@code deadline}. Unlike {@link #evaluate}, never waits longer:
     * a page whose main thread is blocked answers false.
     */
    default boolean answers(Duration deadline) {
        return true;
    }

    /** Reloads the page (the profile, its login and the bindings stay). */
    default void reload() {
        replacePage();
    }

    @Override
    void close();
}
