package io.wamonitor.worker.session;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * One lane per account for the work that changes what the worker holds (start, stop, delete, restart, restore):
 * an account's work runs in the order it was handed in, one piece at a time, while other accounts' lanes go on
 * in parallel. So a stop that waits for a browser to close holds up that account only.
 */
final class Lanes implements AutoCloseable {

    private final Map<UUID, CompletableFuture<?>> tails = new HashMap<>();
    private final ExecutorService executor;

    Lanes() {
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "lane-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code work} after everything handed in for the account before it; its failure fails the result. */
    synchronized <T> CompletableFuture<T> run(UUID account, Supplier<T> work) {
        CompletableFuture<?> tail = tails.getOrDefault(account, CompletableFuture.completedFuture(null));
        CompletableFuture<T> next = tail.handle((value, error) -> null)
                .thenApplyAsync(
                        ignored -> {
                            MDC.put("account_id", account.toString());
                            try {
                                return work.get();
                            } finally {
                                MDC.remove("account_id");
                            }
                        },
                        executor);
        tails.put(account, next);
        next.whenComplete((value, error) -> forget(account, next));
        return next;
    }

    /** Waits up to {@code seconds} for every lane to finish what it has. */
    boolean awaitIdle(long seconds) throws InterruptedException {
        CompletableFuture<?>[] pending;
        synchronized (this) {
            pending = tails.values().toArray(CompletableFuture[]::new);
        }
        try {
            CompletableFuture.allOf(pending).handle((v, e) -> null).get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private synchronized void forget(UUID account, CompletableFuture<?> finished) {
        tails.remove(account, finished);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
