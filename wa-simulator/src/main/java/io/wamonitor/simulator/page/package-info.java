/** The endpoints the simulated WhatsApp Web page talks to (its "socket" to WhatsApp's servers). */
package io.wamonitor.simulator.page;
