/** wa-simulator: a faithful local stand-in for WhatsApp Web, the phone and WhatsApp's servers. */
package io.wamonitor.simulator;
