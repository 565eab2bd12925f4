package io.wamonitor.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.AmqpTopology;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.MessageCatalog;
import io.wamonitor.contracts.Payload;
import io.wamonitor.contracts.command.DeleteSession;
import io.wamonitor.contracts.command.StartSession;
import io.wamonitor.contracts.event.AccountStatusChanged;
import io.wamonitor.contracts.event.CommandResult;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.testkit.MessageTap;
import io.wamonitor.testkit.RabbitBroker;
import io.wamonitor.testkit.RabbitBrokerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The worker answers commands from its real queue and reports status, results and capacity. */
@ExtendWith(RabbitBrokerExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "wamonitor.worker.id=worker-under-test",
            "wamonitor.worker.max-sessions=2",
            "wamonitor.worker.heartbeat-interval=1h",
            // Heartbeats go out on slot changes only here: the worker must not take that for lost contact.
            "wamonitor.worker.timeout=1h",
            // Slot admission and command answers are under test here, not browsers: a missing Chromium makes
            // every launch fail fast (browser sessions are tested end to end in system-tests).
            "wamonitor.browser.chromium-path=/nonexistent/chromium",
            "wamonitor.browser.sessions-dir=target/command-handling-sessions"
        })
class CommandHandlingIT {

    static final String WORKER = "worker-under-test";
    static final RabbitBroker broker = RabbitBroker.get();
    static final AmqpTopology topology = new AmqpTopology(broker.newNamespace());
    static final MessageTap events = new MessageTap(broker, topology.eventsExchange(), "topic");
    static final EnvelopeCodec codec = new EnvelopeCodec();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.rabbitmq.addresses", broker::url);
        registry.add("wamonitor.amqp.namespace", topology::namespace);
    }

    @AfterAll
    static void closeTap() {
        events.close();
    }

    @Test
    void startHoldsTheAccountInASlotAndReportsInit() {
        UUID account = UUID.randomUUID();
        UUID command = send(account, new StartSession("Support"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(events.of(AccountStatusChanged.class, e -> account.equals(e.accountId())))
                    .extracting(Envelope::payload)
                    .contains(new AccountStatusChanged(
                            AccountStatus.INIT, "starting the browser", "worker-under-test", null));
            assertThat(result(command).outcome()).isEqualTo(CommandResult.Outcome.DONE);
            assertThat(lastHeartbeat().accounts()).contains(account);
        });

        deleteAndAwaitRelease(account);
    }

    @Test
    void aFullWorkerRejectsTheStartSayingWhy() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        send(first, new StartSession("One"));
        send(second, new StartSession("Two"));
        UUID rejected = send(third, new StartSession("Three"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            CommandResult result = result(rejected);
            assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.REJECTED);
            assertThat(result.code()).isEqualTo("NO_FREE_SLOT");
            assertThat(result.retryable()).isTrue();
            assertThat(events.of(AccountStatusChanged.class, e -> third.equals(e.accountId())))
                    .extracting(e -> e.payload().status())
                    .containsExactly(AccountStatus.FAILED);
            WorkerHeartbeat heartbeat = lastHeartbeat();
            assertThat(heartbeat.slotsUsed()).isEqualTo(2);
            assertThat(heartbeat.slotsTotal()).isEqualTo(2);
        });

        deleteAndAwaitRelease(first);
        deleteAndAwaitRelease(second);
    }

    @Test
    void aRepeatedStartIsAnsweredWithoutTakingASecondSlot() {
        UUID account = UUID.randomUUID();
        send(account, new StartSession("Twice"));
        UUID again = send(account, new StartSession("Twice"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(result(again).outcome()).isEqualTo(CommandResult.Outcome.DONE);
            assertThat(result(again).message()).contains("already held");
        });
        assertThat(lastHeartbeat().accounts()).containsOnlyOnce(account);

        deleteAndAwaitRelease(account);
    }

    @Test
    void poisonCommandsLandInTheDeadLetterQueue() {
        String dlq = topology.deadLetterQueue(topology.workerCommandsQueue(WORKER));
        publish("{\"type\":\"session.fly.v1\"}".getBytes(StandardCharsets.UTF_8), "session.fly.v1");
        publish("garbage".getBytes(StandardCharsets.UTF_8), "anything");

        await().atMost(Duration.ofSeconds(15)).until(() -> broker.messageCount(dlq) >= 2);

        // and the worker keeps working
        UUID account = UUID.randomUUID();
        UUID command = send(account, new StartSession("After poison"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(result(command).outcome()).isEqualTo(CommandResult.Outcome.DONE));
        deleteAndAwaitRelease(account);
    }

    @Test
    void aCommandFromBeforeTheAccountMovedIsRefusedAndChangesNothing() {
        UUID account = UUID.randomUUID();
        UUID current = send(account, 5L, new StartSession("Moved here"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(result(current).outcome()).isEqualTo(CommandResult.Outcome.DONE));

        UUID stale = send(account, 4L, new DeleteSession("from before the move"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            CommandResult result = result(stale);
            assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.REJECTED);
            assertThat(result.code()).isEqualTo("ACCOUNT_MOVED");
        });
        assertThat(lastHeartbeat().accounts())
                .as("the stale delete did nothing")
                .contains(account);
        assertThat(lastHeartbeat().sessions())
                .filteredOn(s -> s.accountId().equals(account))
                .extracting(WorkerHeartbeat.HeldSession::epoch)
                .containsExactly(5L);

        UUID newer = send(account, 6L, new DeleteSession("test over"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(result(newer).outcome()).isEqualTo(CommandResult.Outcome.DONE);
            assertThat(lastHeartbeat().accounts()).doesNotContain(account);
        });
    }

    @Test
    void aStartWhoseBrowserNeverOpensFreesItsSlotAndSaysWhy() {
        UUID account = UUID.randomUUID();
        send(account, new StartSession("No Chromium"));

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            assertThat(events.of(AccountStatusChanged.class, e -> account.equals(e.accountId())))
                    .extracting(Envelope::payload)
                    .anySatisfy(status -> {
                        assertThat(status.status()).isEqualTo(AccountStatus.FAILED);
                        assertThat(status.reason()).startsWith("could not open WhatsApp Web");
                    });
            assertThat(lastHeartbeat().accounts()).doesNotContain(account);
        });
    }

    private void deleteAndAwaitRelease(UUID account) {
        UUID command = send(account, new DeleteSession("test over"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(result(command).outcome()).isEqualTo(CommandResult.Outcome.DONE);
            assertThat(lastHeartbeat().accounts()).doesNotContain(account);
        });
    }

    private static CommandResult result(UUID command) {
        List<CommandResult> results = events.payloads(CommandResult.class).stream()
                .filter(r -> r.commandId().equals(command))
                .toList();
        assertThat(results).as("result of command " + command).hasSize(1);
        return results.get(0);
    }

    private static WorkerHeartbeat lastHeartbeat() {
        List<WorkerHeartbeat> heartbeats = events.payloads(WorkerHeartbeat.class);
        assertThat(heartbeats).isNotEmpty();
        return heartbeats.get(heartbeats.size() - 1);
    }

    private static UUID send(UUID account, Payload command) {
        return send(account, null, command);
    }

    private static UUID send(UUID account, Long epoch, Payload command) {
        Envelope<Payload> envelope = new Envelope<>(
                UUID.randomUUID(), MessageCatalog.typeOf(command), Instant.now(), account, command, epoch);
        publish(codec.encode(envelope), envelope.type());
        return envelope.id();
    }

    private static void publish(byte[] body, String type) {
        try (Connection connection = broker.connect();
                Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish(
                    topology.workerCommandsExchange(),
                    WORKER,
                    true,
                    new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                    body);
            channel.waitForConfirmsOrDie(5_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
