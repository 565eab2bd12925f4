package io.wamonitor.gateway.account;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.gateway.security.OutboundGuard;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** The rules for accounts: the limit, creation and deletion with their session commands, status updates. */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository repository;
    private final AccountLimit limit;
    private final SessionControl sessions;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    private final OutboundGuard outbound;

    AccountService(
            AccountRepository repository,
            AccountLimit limit,
            SessionControl sessions,
            Clock clock,
            ApplicationEventPublisher publisher,
            OutboundGuard outbound) {
        this.outbound = outbound;
        this.repository = repository;
        this.limit = limit;
        this.sessions = sessions;
        this.clock = clock;
        this.publisher = publisher;
    }

    public CreatedAccount create(String name, String webhookUrl, List<String> webhookEvents) {
        checkWebhookUrl(webhookUrl);
        UUID id = UUID.randomUUID();
        limit.claim(id.toString());
        String secret = WebhookSecrets.newSecret();
        Account account = Account.created(
                id.toString(),
                name,
                webhookUrl,
                webhookEvents,
                secret,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        try {
            repository.insert(account);
        } catch (RuntimeException e) {
            limit.release(id.toString());
            throw e;
        }
        log.info("Account {} created ({} of the limit used)", id, repository.count());
        if (!sessions.start(id, name)) {
            log.warn(
                    "Account {} is stored but its start command could not be sent; it will be re-sent "
                            + "once a worker reports in",
                    id);
        }
        return new CreatedAccount(AccountView.of(account), secret);
    }

    /** A new webhook secret for the account, returned this once; the old one stops working at once. */
    public String rotateWebhookSecret(String id) {
        String secret = WebhookSecrets.newSecret();
        if (!repository.setWebhookSecret(id, secret, clock.instant())) {
            throw new AccountNotFoundException(id);
        }
        return secret;
    }

    /** Where the account's events go now, if it exists. */
    public Optional<WebhookTarget> webhookTarget(String id) {
        return repository.find(id).map(a -> new WebhookTarget(a.webhookUrl(), a.webhookSecret(), a.subscribedEvents()));
    }

    public List<AccountView> list() {
        return repository.findAll().stream().map(AccountView::of).toList();
    }

    public AccountView get(String id) {
        return repository.find(id).map(AccountView::of).orElseThrow(() -> new AccountNotFoundException(id));
    }

    private void checkWebhookUrl(String webhookUrl) {
        if (webhookUrl != null) {
            outbound.checkWhenStored(URI.create(webhookUrl));
        }
    }

    public AccountView updateWebhook(String id, String webhookUrl, List<String> webhookEvents) {
        checkWebhookUrl(webhookUrl);
        return repository
                .updateWebhook(id, webhookUrl, webhookEvents, clock.instant())
                .map(AccountView::of)
                .orElseThrow(() -> new AccountNotFoundException(id));
    }

    public void delete(String id) {
        if (!repository.delete(id)) {
            throw new AccountNotFoundException(id);
        }
        limit.release(id);
        publisher.publishEvent(new AccountDeleted(id));
        log.info("Account {} deleted", id);
        if (!sessions.delete(UUID.fromString(id), "account deleted")) {
            log.warn(
                    "Account {} is deleted but its delete command could not be sent; the worker will be told "
                            + "when it next reports holding it",
                    id);
        }
    }

    public void recordQr(UUID accountId, String qrText, Instant observedAt) {
        repository.recordQr(accountId.toString(), qrText, observedAt, clock.instant());
    }

    /** The raw QR text while the account waits for a scan. */
    public Optional<String> qrText(String id) {
        Account account = repository.find(id).orElseThrow(() -> new AccountNotFoundException(id));
        return account.status() == AccountStatus.QR ? Optional.ofNullable(account.qrText()) : Optional.empty();
    }

    public long count() {
        return repository.count();
    }

    /** Ids of accounts that exist and are older than {@code cutoff}: those a worker should be holding by now. */
    public List<String> idsCreatedBefore(Instant cutoff) {
        return repository.idsCreatedBefore(cutoff);
    }

    public List<String> allIds() {
        return repository.allIds();
    }

    public Optional<AccountView> find(String id) {
        return repository.find(id).map(AccountView::of);
    }

    /** Stores a status the worker observed; stale or repeated observations change nothing. */
    public void recordStatus(
            UUID accountId, AccountStatus status, String reason, String workerId, String phone, Instant observedAt) {
        recordStatus(accountId, status, reason, workerId, phone, null, null, observedAt);
    }

    /** Like {@link #recordStatus(UUID, AccountStatus, String, String, String, Instant)}, with the page's versions. */
    public void recordStatus(
            UUID accountId,
            AccountStatus status,
            String reason,
            String workerId,
            String phone,
            String whatsappWebVersion,
            String waJsVersion,
            Instant observedAt) {
        boolean changed = repository.recordStatus(
                accountId.toString(),
                status,
                reason,
                workerId,
                phone,
                whatsappWebVersion,
                waJsVersion,
                observedAt,
                clock.instant());
        if (changed) {
            log.info("Account {} is {} ({})", accountId, status, reason);
        }
    }
}
