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
    void eachWorkerHasItsOwnCommandQueueReachedOnlyByItsId() {
        assertThat(topology.workerQueues("worker-2", true)).first().satisfies(q -> {
            assertThat(q.name()).isEqualTo("wamonitor.worker.worker-2.commands");
            assertThat(q.arguments())
                    .containsEntry("x-queue-type", "quorum")
                    .containsEntry("x-dead-letter-exchange", "wamonitor.dlx");
        });
        assertThat(topology.workerQueues("worker-2", false).get(0).arguments()).doesNotContainKey("x-queue-type");
        assertThat(topology.workerBindings("worker-2"))
                .containsExactlyInAnyOrder(
                        new AmqpTopology.BindingSpec(
                                "wamonitor.worker-commands", "wamonitor.worker.worker-2.commands", "worker-2"),
                        new AmqpTopology.BindingSpec(
                                "wamonitor.dlx",
                                "wamonitor.worker.worker-2.commands.dlq",
                                "wamonitor.worker.worker-2.commands"));
        // Nothing shared: no binding takes every command.
        assertThat(topology.bindings()).noneMatch(b -> b.exchange().equals(topology.workerCommandsExchange()));
    }

    @Test
    void rejectsWorkerIdsThatCannotNameAQueue() {
        assertThatThrownBy(() -> topology.workerCommandsQueue("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> topology.workerCommandsQueue("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> topology.workerCommandsQueue("#")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAreDerivedFromTheNamespace() {
        AmqpTopology other = new AmqpTopology("test-1");
        assertThat(other.workerCommandsQueue("w1")).isEqualTo("test-1.worker.w1.commands");
        assertThat(other.gatewayEventsQueue()).isEqualTo("test-1.gateway.events");
        assertThat(other.queues()).noneMatch(q -> q.name().startsWith("wamonitor"));
    }

    @Test
    void rejectsNamespacesThatCouldCollideOrInjectWildcards() {
        assertThatThrownBy(() -> new AmqpTopology("a#b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AmqpTopology("")).isInstanceOf(IllegalArgumentException.class);
    }
}
