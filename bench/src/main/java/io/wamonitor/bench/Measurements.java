package io.wamonitor.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one benchmark run measured; times in milliseconds, memory in bytes. */
final class Measurements {

    final int accounts;
    final int messages;
    final long spacing;
    final List<Long> toQr = new ArrayList<>();
    final List<Long> scanToReady = new ArrayList<>();
    final List<Long> browserBytes = new ArrayList<>();
    final List<Long> inboundToWebhook = new ArrayList<>();
    final List<Long> inboundToGateway = new ArrayList<>();
    final List<Long> gatewayToWebhook = new ArrayList<>();
    final List<Long> sendAnswered = new ArrayList<>();
    final List<Long> snapshot = new ArrayList<>();
    final Map<String, Long> breakdown = new TreeMap<>();
    long idleGatewayBytes;
    long idleWorkerBytes;
    long loadedGatewayBytes;
    long loadedWorkerBytes;

    Measurements(int accounts, int messages, long spacing) {
        this.accounts = accounts;
        this.messages = messages;
        this.spacing = spacing;
    }

    static long percentile(List<Long> values, double p) {
        List<Long> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    static long mean(List<Long> values) {
        return (long) values.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** Memory the platform needs per account once linked: its browser plus its share of the worker's growth. */
    long perAccountBytes() {
        return mean(browserBytes) + Math.max(0, loadedWorkerBytes - idleWorkerBytes) / Math.max(1, accounts);
    }
}
