package io.wamonitor.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The gateway is a modular monolith: each top-level package is a feature module that may use only the modules
 * its package-info declares ({@code allowedDependencies}), none of them in a cycle, and none another's
 * sub-packages. This fails the build on any new dependency that breaks that.
 */
class ModuleBoundariesTest {

    @Test
    void featuresDependOnlyOnWhatTheyDeclareAndFormNoCycle() {
        ApplicationModules.of(GatewayApplication.class).verify();
    }
}
