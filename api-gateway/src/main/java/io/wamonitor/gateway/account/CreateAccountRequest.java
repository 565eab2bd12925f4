package io.wamonitor.gateway.account;

import io.wamonitor.gateway.api.HttpUrl;
import io.wamonitor.gateway.api.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/accounts}. */
record CreateAccountRequest(
        @NotBlank(message = "is required") @Size(max = 100, message = "must be 1 to 100 characters") @Pattern(regexp = PlainText.SINGLE_LINE, message = PlainText.SINGLE_LINE_RULE) String name,

        @HttpUrl String webhookUrl,
        @WebhookEvents List<String> webhookEvents) {}
