package io.wamonitor.gateway.api;

/** The short health of an account's session ({@code ok}, {@code degraded}, {@code stalled}), null when unknown. */
public interface SessionHealthLookup {

    String healthOf(String accountId, String workerId);
}
