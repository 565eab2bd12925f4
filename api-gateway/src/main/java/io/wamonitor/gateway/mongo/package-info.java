/** The MongoDB connection: MONGO_URL, or an embedded wire-protocol server on loopback when it is not set. */
package io.wamonitor.gateway.mongo;
