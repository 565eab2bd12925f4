/** Commands the gateway sends to the browser worker. */
package io.wamonitor.contracts.command;
