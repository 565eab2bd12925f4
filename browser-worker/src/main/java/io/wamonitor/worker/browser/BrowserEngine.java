package io.wamonitor.worker.browser;

import java.nio.file.Path;

/** Opens browsers. Must be called on the thread that will own the returned page. */
public interface BrowserEngine {

    BrowserPage open(Path profile, PageSetup setup);
}
