package io.wamonitor.gateway.account;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.wamonitor.contracts.AccountStatus;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Accounts by status (every status is reported, with 0 when none is in it, so "READY dropped to 0" is a
 * series an alert can see) and the configured limit. Counted every 10 s, not at each scrape.
 */
@Component
class AccountMetrics {

    private final AccountRepository repository;
    private final MultiGauge byStatus;

    AccountMetrics(MeterRegistry registry, AccountRepository repository, AccountSettings settings) {
        this.repository = repository;
        this.byStatus = MultiGauge.builder("wamonitor.accounts")
                .description("Accounts by status")
                .register(registry);
        Gauge.builder("wamonitor.accounts.limit", settings, AccountSettings::max)
                .description("MAX_WHATSAPP_ACCOUNTS")
                .register(registry);
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${wamonitor.metrics.refresh:10s}")
    void refresh() {
        Map<AccountStatus, Long> counts =
                repository.findAll().stream().collect(Collectors.groupingBy(Account::status, Collectors.counting()));
        byStatus.register(
                Arrays.stream(AccountStatus.values())
                        .map(status ->
                                MultiGauge.Row.of(Tags.of("status", status.name()), counts.getOrDefault(status, 0L)))
                        .toList(),
                true);
    }
}
