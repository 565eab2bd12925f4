package io.wamonitor.gateway.messaging;

import io.wamonitor.gateway.api.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/accounts/{id}/messages/send}: text ({@code message}), or media inline
 * ({@code media}) with an optional {@code caption}.
 */
record SendRequest(
        @NotBlank(message = "is required") @Pattern(
                regexp = RECIPIENT,
                message = "must be a phone number with country code (spaces, dashes, dots and brackets are allowed), "
                        + "<digits>@c.us, <digits>@lid or <id>@g.us")
        String to,

        @Size(max = 65536, message = "must be at most 65536 characters") @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MULTI_LINE_RULE) String message,

        @Size(max = 4096, message = "must be at most 4096 characters") @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MULTI_LINE_RULE) String caption,

        @Size(max = 2048, message = "must be at most 2048 characters") String mediaUrl,

        @Size(max = 255, message = "must be at most 255 characters") String filename,

        @Valid InlineMedia media) {

    record InlineMedia(
            @NotBlank(message = "is required") String data,

            @NotBlank(message = "is required") @Pattern(regexp = "[a-zA-Z0-9][a-zA-Z0-9.+-]*/[a-zA-Z0-9][a-zA-Z0-9.+-]*", message = "must be a media type") String mimetype,

            @Size(max = 255, message = "must be at most 255 characters") String filename) {}

    /**
     * Who a message may go to: a phone number with its country code (7 to 15 digits, written with +, spaces,
     * dashes, dots or brackets as people write them), or a WhatsApp id: a person's {@code @c.us} or {@code @lid},
     * a group's {@code @g.us}.
     */
    static final String RECIPIENT =
            "\\+?(?:[ ()\\-.]*[0-9]){7,15}[ ()\\-.]*|[0-9]{7,15}@c\\.us|[0-9][0-9-]{4,40}@g\\.us|[0-9]{6,20}@lid";

    /** The chat id WhatsApp uses for {@code to}: ids as given, numbers as {@code <digits>@c.us}. */
    String chatId() {
        if (to.endsWith("@c.us") || to.endsWith("@g.us") || to.endsWith("@lid")) {
            return to;
        }
        return to.replaceAll("[^0-9]", "") + "@c.us";
    }
}
