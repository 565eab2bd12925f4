/** Accounts: their REST API, their metadata in MongoDB and the account limit. */
package io.wamonitor.gateway.account;
