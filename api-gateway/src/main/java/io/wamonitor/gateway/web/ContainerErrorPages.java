package io.wamonitor.gateway.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ContainerErrorValve} in place of Tomcat's HTML error report. TRACE is let through to Spring
 * (which has no TRACE route, so it is a 405 problem) instead of being refused by the connector with an empty
 * answer; Spring never echoes the request back.
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ContainerErrorValve.class.getName());
            }
        });
    }
}
