package io.wamonitor.gateway.account;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to a create: the account, plus its webhook secret, which is shown this once. */
public record CreatedAccount(@JsonUnwrapped AccountView account, String webhookSecret) {}
