package io.wamonitor.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.gateway.AbstractGatewayIT;
import io.wamonitor.gateway.GatewayTestSupport;
import io.wamonitor.gateway.account.AccountService;
import io.wamonitor.gateway.account.AccountView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The embedded database under the load the gateway puts on it: status updates, webhook deliveries being
 * recorded, read and updated, and the API reading the same documents, all at once on one account. Every call
 * must return (none may hang on the database) and every write must be there afterwards.
 */
class EmbeddedDatabaseConcurrencyIT extends AbstractGatewayIT {

    private static final int THREADS = 8;
    private static final int ROUNDS = 150;

    @Autowired
    AccountService accounts;

    @Autowired
    DeliveryStore deliveries;

    @Test
    void concurrentReadsAndWritesOfTheSameDocumentsAllReturnAndNothingIsLost() throws Exception {
        String id = api.post("/api/accounts", "{\"name\":\"Busy\"}").text("id");
        UUID account = UUID.fromString(id);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    Instant now = Instant.now();
                    Instant later = now.plusSeconds(3_600); // not due: the dispatcher leaves them alone
                    accounts.recordStatus(
                            account,
                            i % 2 == 0 ? AccountStatus.READY : AccountStatus.AUTH,
                            "round " + i,
                            // alive (heartbeats), so the liveness check leaves the account alone
                            GatewayTestSupport.WORKER,
                            "1555000" + thread,
                            now);
                    String delivery = thread + "-" + i;
                    deliveries.insert(new Delivery(
                            delivery,
                            id,
                            "message",
                            "https://example.com/hook",
                            "{}",
                            thread * 1_000_000L + i,
                            Delivery.Status.PENDING,
                            0,
                            later,
                            null,
                            null,
                            null,
                            now,
                            now,
                            null));
                    deliveries.oldestPending(id);
                    deliveries.failedAttempt(delivery, 503, "HTTP 503", 5, later, false, now);
                    AccountView view = accounts.get(id);
                    assertThat(view.status()).isIn(AccountStatus.READY, AccountStatus.AUTH);
                    accounts.list();
                    deliveries.forAccount(id, null, 50);
                }
                return null;
            }));
        }
        try {
            for (Future<?> future : work) {
                future.get(120, TimeUnit.SECONDS);
            }
        } catch (TimeoutException hung) {
            fail("a call to the embedded database never returned");
        } finally {
            pool.shutdownNow();
        }
        List<Delivery> stored = deliveries.forAccount(id, null, THREADS * ROUNDS + 10);
        assertThat(stored).hasSize(THREADS * ROUNDS);
        assertThat(stored.stream()
                        .filter(d -> d.attempts() != 1)
                        .map(Delivery::id)
                        .toList())
                .as("deliveries whose attempt was not recorded exactly once")
                .isEmpty();
    }
}
