/**
 * What the worker keeps on its own disk so that nothing it captured is lost: the outbox of events not yet
 * confirmed by the broker, the capture cursors, and the sends it has made (H2's MVStore, one file per worker).
 */
@ApplicationModule(allowedDependencies = {"browser", "session"})
package io.wamonitor.worker.journal;

import org.springframework.modulith.ApplicationModule;
