package io.wamonitor.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AmqpTopologyTest {

    private final AmqpTopology topology = new AmqpTopology("wamonitor");

    @Test
    void everyWorkQueueDeadLettersIntoItsOwnDeadLetterQueue() {
        assertThat(topology.queues())
                .filteredOn(q -> !q.name().endsWith(".dlq"))
                .allSatisfy(q -> {
                    assertThat(q.arguments()).containsEntry("x-dead-letter-exchange", "wamonitor.dlx");
                    assertThat(topology.bindings())
                            .contains(new AmqpTopology.BindingSpec("wamonitor.dlx", q.name() + ".dlq", q.name()));
                });
    }

    @Test
    void namesAreDerivedFromTheNamespace() {
        AmqpTopology other = new AmqpTopology("test-1");
        assertThat(other.workerCommandsQueue()).isEqualTo("test-1.worker.commands");
        assertThat(other.gatewayEventsQueue()).isEqualTo("test-1.gateway.events");
        assertThat(other.queues()).noneMatch(q -> q.name().startsWith("wamonitor"));
    }

    @Test
    void rejectsNamespacesThatCouldCollideOrInjectWildcards() {
        assertThatThrownBy(() -> new AmqpTopology("a#b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AmqpTopology("")).isInstanceOf(IllegalArgumentException.class);
    }
}
