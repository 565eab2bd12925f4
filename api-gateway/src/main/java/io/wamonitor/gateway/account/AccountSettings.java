package io.wamonitor.gateway.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param max {@code MAX_WHATSAPP_ACCOUNTS}: how many accounts may exist at once */
@ConfigurationProperties("wamonitor.accounts")
public record AccountSettings(int max) {

    public static final int DEFAULT_MAX = 5;

    public AccountSettings {
        if (max < 1) {
            throw new IllegalArgumentException("MAX_WHATSAPP_ACCOUNTS must be at least 1, was " + max);
        }
    }
}
