/** The process test kit shared by every module's tests and the benchmark; never used by production code. */
package io.wamonitor.testkit;
