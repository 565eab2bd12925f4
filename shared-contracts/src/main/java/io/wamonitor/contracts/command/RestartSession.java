package io.wamonitor.contracts.command;

import io.wamonitor.contracts.Payload;

/** Close and relaunch the account's browser from its profile (the login is kept). */
public record RestartSession(String accountName) implements Payload {}
