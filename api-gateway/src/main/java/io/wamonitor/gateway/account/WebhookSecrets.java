package io.wamonitor.gateway.account;

import java.security.SecureRandom;
import java.util.Base64;

/** Per-account webhook signing secrets: 32 random bytes, shown to the caller once. */
final class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {}

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
