/** The API gateway: REST under /api, account metadata in MongoDB and the link to the browser worker. */
package io.wamonitor.gateway;
