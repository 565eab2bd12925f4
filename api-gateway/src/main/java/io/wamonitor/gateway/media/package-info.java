/** Media of captured messages, stored in GridFS and served at signed, expiring URLs that need no API key. */
package io.wamonitor.gateway.media;
