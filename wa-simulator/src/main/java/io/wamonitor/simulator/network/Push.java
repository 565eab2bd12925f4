package io.wamonitor.simulator.network;

/** One server-to-page event on the live connection. */
public record Push(String event, Object data) {}
