package io.wamonitor.contracts.command;

import io.wamonitor.contracts.Payload;

/** Close the account's browser and free its slot, keeping its profile (and so its login) on disk. */
public record StopSession(String reason) implements Payload {}
