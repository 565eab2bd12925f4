/** Account sessions on this worker: the slot table and each session's lifecycle and status. */
package io.wamonitor.worker.session;
