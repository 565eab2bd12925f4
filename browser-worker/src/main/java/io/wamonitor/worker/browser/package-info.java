/** The Playwright seam: the only package that imports com.microsoft.playwright. */
package io.wamonitor.worker.browser;
