/** Account sessions on this worker: the slot table and each session's lifecycle and status. */
@ApplicationModule(allowedDependencies = {"browser", "whatsapp"})
package io.wamonitor.worker.session;

import org.springframework.modulith.ApplicationModule;
