package io.wamonitor.gateway.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wamonitor.gateway.api.SessionHealthLookup;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping(path = "/api/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts", description = "Create, list, inspect and delete WhatsApp accounts")
class AccountController {

    private final AccountService accounts;

    private final ObjectProvider<SessionHealthLookup> health;

    AccountController(AccountService accounts, ObjectProvider<SessionHealthLookup> health) {
        this.health = health;
        this.accounts = accounts;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create an account and start its WhatsApp session",
            description = "Fails with 409 ACCOUNT_LIMIT_REACHED when MAX_WHATSAPP_ACCOUNTS accounts exist.")
    ResponseEntity<CreatedAccount> create(@Valid @RequestBody CreateAccountRequest request) {
        CreatedAccount created = accounts.create(request.name(), request.webhookUrl(), request.webhookEvents());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(created.account().id())
                        .toUri())
                .body(created);
    }

    /** A new webhook signing secret, shown this once. */
    record WebhookSecret(String webhookSecret) {}

    /** What was done to which account. */
    record Done(String message, String id) {}

    @PostMapping("/{id}/webhook-secret")
    @Operation(summary = "Rotate the webhook signing secret; the new one is returned this once")
    WebhookSecret rotateWebhookSecret(@PathVariable String id) {
        return new WebhookSecret(accounts.rotateWebhookSecret(validId(id)));
    }

    @GetMapping
    @Operation(summary = "List all accounts, oldest first")
    List<AccountView> list() {
        return accounts.list().stream().map(this::withHealth).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get an account, with its status and (while linking) its QR code")
    AccountView get(@PathVariable String id) {
        return withHealth(accounts.get(validId(id)));
    }

    private AccountView withHealth(AccountView view) {
        SessionHealthLookup lookup = health.getIfAvailable();
        return lookup == null ? view : view.withHealth(lookup.healthOf(view.id(), view.workerId()));
    }

    @PutMapping(path = "/{id}/webhook", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the webhook URL; applies to the next event without restarting the session")
    AccountView updateWebhook(@PathVariable String id, @Valid @RequestBody WebhookUpdateRequest request) {
        return withHealth(accounts.updateWebhook(validId(id), request.getWebhookUrl(), request.getWebhookEvents()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an account: stops its session, removes its browser profile and frees its place")
    Done delete(@PathVariable String id) {
        accounts.delete(validId(id));
        return new Done("Account deleted", id);
    }

    private static String validId(String id) {
        return AccountIds.parse(id).toString();
    }
}
