package io.wamonitor.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpUrlValidatorTest {

    private final HttpUrlValidator validator = new HttpUrlValidator();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://webhook.site/abc",
                "http://receiver.example.org:8080/in?x=1",
                "HTTPS://EXAMPLE.COM/PATH",
                "http://10.0.0.5/hook"
            })
    void acceptsAbsoluteHttpUrls(String url) {
        assertThat(validator.isValid(url, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "example.com",
                "/hook",
                "ftp://example.com/",
                "file:///etc/passwd",
                "javascript:alert(1)",
                "https://",
                "https://user:secret@example.com/",
                "https://exa mple.com/",
                "https://example.com/\n",
                "http:///nohost"
            })
    void rejectsEverythingElse(String url) {
        assertThat(validator.isValid(url, null)).isFalse();
    }
}
