package io.wamonitor.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundGuardTest {

    private final OutboundGuard guard = new OutboundGuard("");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/x",
                "http://localhost:8001/api",
                "http://10.1.2.3/",
                "http://172.16.0.1/",
                "http://192.168.1.1/",
                "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/",
                "http://0.0.0.0/",
                "http://[::1]/",
                "http://[fd00::1]/",
                "http://[fe80::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:169.254.169.254]/",
                "http://224.0.0.1/",
                "http://255.255.255.255/"
            })
    void refusesLoopbackPrivateLinkLocalAndMetadataAddresses(String url) {
        assertThatThrownBy(() -> guard.check(URI.create(url)))
                .isInstanceOf(OutboundGuard.BlockedUrlException.class)
                .hasMessageContaining("non-public");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://8.8.8.8/", "gopher://8.8.8.8/", "jar:http://x!/"})
    void refusesOtherSchemes(String url) {
        assertThatThrownBy(() -> guard.check(URI.create(url))).isInstanceOf(OutboundGuard.BlockedUrlException.class);
    }

    @Test
    void refusesCredentialsInUrls() {
        assertThatThrownBy(() -> guard.check(URI.create("http://user:pw@8.8.8.8/")))
                .isInstanceOf(OutboundGuard.BlockedUrlException.class);
    }

    @Test
    void acceptsPublicAddresses() throws Exception {
        assertThat(OutboundGuard.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(OutboundGuard.isPublic(InetAddress.getByName("2606:4700:4700::1111")))
                .isTrue();
        assertThat(guard.check(URI.create("https://1.1.1.1/image.png"))).hasSize(1);
    }

    @Test
    void theAllowListOpensExactlyWhatItNames() {
        OutboundGuard sandbox = new OutboundGuard("127.0.0.1:9000, 10.10.0.0/16");

        assertThat(sandbox.check(URI.create("http://127.0.0.1:9000/hook"))).hasSize(1);
        assertThat(sandbox.check(URI.create("http://10.10.3.4/"))).hasSize(1);
        assertThatThrownBy(() -> sandbox.check(URI.create("http://127.0.0.1:9001/hook")))
                .isInstanceOf(OutboundGuard.BlockedUrlException.class);
        assertThatThrownBy(() -> sandbox.check(URI.create("http://10.11.0.1/")))
                .isInstanceOf(OutboundGuard.BlockedUrlException.class);
    }
}
