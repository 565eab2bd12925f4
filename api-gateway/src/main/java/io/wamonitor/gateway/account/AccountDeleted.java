package io.wamonitor.gateway.account;

/** Published after an account is deleted, for features that keep data of their own about it. */
public record AccountDeleted(String accountId) {}
