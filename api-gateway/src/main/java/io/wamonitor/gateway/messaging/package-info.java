/** Sending text and media messages from an account. */
package io.wamonitor.gateway.messaging;
