/** WhatsApp Web through window.WPP: injection, the in-page adapter, page calls and the status machine. */
package io.wamonitor.worker.whatsapp;
