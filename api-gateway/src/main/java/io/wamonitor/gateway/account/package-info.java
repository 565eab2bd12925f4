/**
 * Accounts: their REST API, their metadata in MongoDB and the account limit.
 */
@ApplicationModule(
        displayName = "account",
        allowedDependencies = {"api", "security"})
package io.wamonitor.gateway.account;

import org.springframework.modulith.ApplicationModule;
