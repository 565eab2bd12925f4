package io.wamonitor.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wamonitor.gateway.AbstractGatewayIT;
import io.wamonitor.testkit.ApiClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard is served at / without an API key, under a Content-Security-Policy that allows nothing inline. */
class DashboardServingIT extends AbstractGatewayIT {

    @Test
    void theDashboardIsServedAtTheRootUnderAStrictPolicy() {
        ApiClient browser = api.withApiKey(null);

        ApiClient.Response index = browser.get("/");

        assertThat(index.status()).isEqualTo(200);
        assertThat(index.contentType()).startsWith("text/html");
        assertThat(index.body()).contains("<div id=\"root\">");
        assertThat(index.body()).as("no inline script").doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        String policy = index.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(index.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(index.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        Matcher script =
                Pattern.compile("<script[^>]*src=\"(/assets/[^\"]+\\.js)\"").matcher(index.body());
        assertThat(script.find()).as("the bundle is referenced").isTrue();
        ApiClient.Response bundle = browser.get(script.group(1));
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.contentType()).contains("javascript");
        assertThat(bundle.body()).doesNotContain(ApiClient.TEST_API_KEY);
    }
}
