package io.wamonitor.contracts.command;

import io.wamonitor.contracts.Payload;

/** Forget the account on the worker: close its browser, free its slot and remove its profile directory. */
public record DeleteSession(String reason) implements Payload {}
