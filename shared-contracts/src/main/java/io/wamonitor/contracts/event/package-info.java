/** Events the browser worker publishes for the gateway. */
package io.wamonitor.contracts.event;
