/** The control API under /sim: what the phone and WhatsApp's servers do, driven by tests and people. */
package io.wamonitor.simulator.control;
