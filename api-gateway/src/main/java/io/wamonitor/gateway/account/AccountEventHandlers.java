package io.wamonitor.gateway.account;

import io.wamonitor.contracts.event.AccountQrChanged;
import io.wamonitor.contracts.event.AccountStatusChanged;
import io.wamonitor.gateway.api.WorkerEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** What workers report about an account's session, stored on the account (before webhooks read it: order 0). */
@Component
class AccountEventHandlers {

    private final AccountService accounts;

    AccountEventHandlers(AccountService accounts) {
        this.accounts = accounts;
    }

    @EventListener
    @Order(0)
    void on(WorkerEvent<AccountStatusChanged> event) {
        AccountStatusChanged status = event.payload();
        accounts.recordStatus(
                event.accountId(),
                status.status(),
                status.reason(),
                status.workerId(),
                status.phone(),
                status.whatsappWebVersion(),
                status.waJsVersion(),
                event.occurredAt());
    }

    @EventListener
    @Order(0)
    void onQr(WorkerEvent<AccountQrChanged> event) {
        accounts.recordQr(event.accountId(), event.payload().qr(), event.occurredAt());
    }
}
