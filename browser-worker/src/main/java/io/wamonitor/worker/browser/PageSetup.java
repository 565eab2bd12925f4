package io.wamonitor.worker.browser;

import java.util.List;
import java.util.function.Consumer;

/**
 * What a page needs before it navigates: init scripts (in order, re-run on every document), the binding the
 * page calls with event batches, and where to go.
 */
public record PageSetup(String url, List<String> initScripts, String bindingName, Consumer<String> onBatch) {}
