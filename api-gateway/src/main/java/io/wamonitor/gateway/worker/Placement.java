package io.wamonitor.gateway.worker;

import io.wamonitor.contracts.event.WorkerHeartbeat;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a new (or moving) account goes: the live, not draining worker with the most free slots that has memory
 * to spare for one more browser. Free slots count the accounts assigned to a worker that it does not report yet
 * (a start on its way), so a burst of new accounts is spread instead of all landing on the emptiest worker. Pure:
 * tested on its own.
 */
final class Placement {

    /** What one more browser is assumed to need when a worker has none to measure yet (docs/PERFORMANCE.md). */
    static final long DEFAULT_BROWSER_BYTES = 300L * 1024 * 1024;

    private Placement() {}

    /**
     * @param live     the live workers' last heartbeats
     * @param draining workers that take no new accounts
     * @param assigned how many accounts are assigned to each worker now
     * @param exclude  workers not to choose (the one an account leaves)
     */
    static Optional<String> choose(
            Collection<WorkerHeartbeat> live,
            Set<String> draining,
            Map<String, Integer> assigned,
            Set<String> exclude) {
        return live.stream()
                .filter(w -> !draining.contains(w.workerId()) && !exclude.contains(w.workerId()))
                .filter(w -> freeSlots(w, assigned) > 0 && hasMemoryForOneMore(w, assigned))
                .max(Comparator.<WorkerHeartbeat>comparingInt(w -> freeSlots(w, assigned))
                        .thenComparing(w -> -assigned.getOrDefault(w.workerId(), 0))
                        .thenComparing(WorkerHeartbeat::workerId, Comparator.reverseOrder()))
                .map(WorkerHeartbeat::workerId);
    }

    /** Slots left: the worker's total less what it holds or is about to hold, whichever is more. */
    static int freeSlots(WorkerHeartbeat worker, Map<String, Integer> assigned) {
        int taken = Math.max(worker.slotsUsed(), assigned.getOrDefault(worker.workerId(), 0));
        return Math.max(0, worker.slotsTotal() - taken);
    }

    /**
     * Whether one more browser fits under the worker's {@code WORKER_MEMORY_LIMIT}: its browsers' memory now plus
     * one browser (their average, or {@link #DEFAULT_BROWSER_BYTES} while it has none) for each account assigned
     * but not yet running there, and the new one.
     */
    static boolean hasMemoryForOneMore(WorkerHeartbeat worker, Map<String, Integer> assigned) {
        if (worker.memoryLimitBytes() <= 0) {
            return true;
        }
        int running = worker.sessions().size();
        long perBrowser =
                running > 0 && worker.memoryBytes() > 0 ? worker.memoryBytes() / running : DEFAULT_BROWSER_BYTES;
        int starting = Math.max(0, assigned.getOrDefault(worker.workerId(), 0) - running);
        return worker.memoryBytes() + perBrowser * (starting + 1) <= worker.memoryLimitBytes();
    }

    static Map<String, Integer> countByWorker(List<Assignment> assignments) {
        return assignments.stream()
                .filter(Assignment::placed)
                .collect(Collectors.toMap(Assignment::worker, a -> 1, Integer::sum));
    }
}
