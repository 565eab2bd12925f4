/** Outbound requests the gateway makes on a caller's behalf: the SSRF guard and the guarded media fetch. */
package io.wamonitor.gateway.security;
