package io.wamonitor.gateway.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Where a new account goes: free slots first, never a full, draining or out-of-memory worker. */
class PlacementTest {

    private static final long MB = 1024L * 1024;

    @Test
    void theWorkerWithTheMostFreeSlotsGetsTheAccount() {
        List<WorkerHeartbeat> live = List.of(worker("a", 3, 2, 0, 0), worker("b", 3, 0, 0, 0), worker("c", 5, 3, 0, 0));

        assertThat(Placement.choose(live, Set.of(), Map.of(), Set.of())).contains("b");
    }

    @Test
    void accountsOnTheirWayCountAsTakenSoABurstIsSpread() {
        List<WorkerHeartbeat> live = List.of(worker("a", 3, 0, 0, 0), worker("b", 3, 0, 0, 0));

        assertThat(Placement.choose(live, Set.of(), Map.of("a", 2), Set.of())).contains("b");
        assertThat(Placement.choose(live, Set.of(), Map.of("a", 2, "b", 3), Set.of()))
                .contains("a");
        assertThat(Placement.choose(live, Set.of(), Map.of("a", 3, "b", 3), Set.of()))
                .as("every slot taken or promised")
                .isEmpty();
    }

    @Test
    void fullDrainingAndExcludedWorkersAreNeverChosen() {
        List<WorkerHeartbeat> live =
                List.of(worker("full", 2, 2, 0, 0), worker("draining", 5, 0, 0, 0), worker("old", 5, 0, 0, 0));

        assertThat(Placement.choose(live, Set.of("draining"), Map.of(), Set.of("old")))
                .isEmpty();
        assertThat(Placement.choose(live, Set.of("draining"), Map.of(), Set.of()))
                .contains("old");
    }

    @Test
    void aWorkerWithoutMemoryForOneMoreBrowserIsSkipped() {
        // Two browsers using 600 MB under a 900 MB limit: a third (about 300 MB) would reach it exactly.
        WorkerHeartbeat tight = worker("tight", 5, 2, 600 * MB, 900 * MB);
        WorkerHeartbeat roomy = worker("roomy", 5, 3, 900 * MB, 4096 * MB);

        assertThat(Placement.hasMemoryForOneMore(tight, Map.of())).isTrue();
        assertThat(Placement.hasMemoryForOneMore(tight, Map.of("tight", 3)))
                .as("one more already on its way")
                .isFalse();
        assertThat(Placement.choose(List.of(tight, roomy), Set.of(), Map.of("tight", 3), Set.of()))
                .contains("roomy");
        assertThat(Placement.hasMemoryForOneMore(worker("empty", 5, 0, 0, 200 * MB), Map.of()))
                .as("an empty worker is assumed to need 300 MB per browser")
                .isFalse();
    }

    private static WorkerHeartbeat worker(String id, int total, int used, long memory, long limit) {
        List<WorkerHeartbeat.HeldSession> sessions = new ArrayList<>();
        List<UUID> accounts = new ArrayList<>();
        for (int i = 0; i < used; i++) {
            UUID account = UUID.randomUUID();
            accounts.add(account);
            sessions.add(new WorkerHeartbeat.HeldSession(account, AccountStatus.READY, "connected", null, 1L));
        }
        return new WorkerHeartbeat(id, total, used, accounts, Instant.EPOCH, sessions, memory, limit, accounts);
    }
}
