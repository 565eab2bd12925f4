/** The Playwright seam: the only package that imports com.microsoft.playwright. */
@ApplicationModule(allowedDependencies = {})
package io.wamonitor.worker.browser;

import org.springframework.modulith.ApplicationModule;
