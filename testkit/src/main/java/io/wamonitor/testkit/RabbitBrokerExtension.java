package io.wamonitor.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Provides the run's {@link RabbitBroker} to a test class (as a parameter, or through {@link RabbitBroker#get()}
 * in a {@code @DynamicPropertySource}) and removes the test topology when the whole run is over.
 */
public class RabbitBrokerExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        RabbitBroker broker = RabbitBroker.get();
        broker.assertReachable();
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("rabbit-broker-cleanup", key ->
                        (ExtensionContext.Store.CloseableResource) broker::deleteNamespaces);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == RabbitBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return RabbitBroker.get();
    }
}
