/** Cross-cutting HTTP concerns: RFC 9457 problem responses, CORS, JSON rules and the API root. */
package io.wamonitor.gateway.web;
