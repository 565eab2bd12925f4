package io.wamonitor.gateway.api;

import jakarta.servlet.http.HttpServletRequest;

/** Where a request goes, as routing reads it. */
public final class RequestPaths {

    private RequestPaths() {}

    /**
     * The path as routing matches it: decoded, normalised, without {@code ;} parameters. {@code /api;x/accounts} and
     * {@code /%61pi/accounts} both read {@code /api/accounts} here, while their raw URI does not start with it.
     */
    public static String routed(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }
}
