/** WhatsApp Web through window.WPP: injection, the in-page adapter, page calls and the status machine. */
@ApplicationModule(allowedDependencies = {"browser"})
package io.wamonitor.worker.whatsapp;

import org.springframework.modulith.ApplicationModule;
