/** "WhatsApp's servers": numbers, phones, linked devices, pairing, offline queues, outboxes and media. */
package io.wamonitor.simulator.network;
