/** The benchmark harness: runs the packaged platform, measures it, writes docs/PERFORMANCE.md. */
package io.wamonitor.bench;
