package io.wamonitor.contracts.command;

import io.wamonitor.contracts.Payload;

/** Start (or keep) the account's session on the worker. Idempotent: a held account just reports its status. */
public record StartSession(String accountName) implements Payload {}
