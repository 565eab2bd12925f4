package io.wamonitor.gateway.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP clients for URLs that callers gave us (media URLs, webhook URLs). Their DNS resolver is the
 * {@link OutboundGuard}: a connection goes only to an address the guard approved at connect time, so a name
 * that resolves to a public address when checked and to 127.0.0.1 a moment later (DNS rebinding) gets
 * nowhere. Redirects, retries and cookies are off; a caller that follows redirects checks each hop itself.
 */
public final class GuardedHttpClients {

    private GuardedHttpClients() {}

    public static CloseableHttpClient create(
            OutboundGuard guard, Duration connectTimeout, Duration readTimeout, int maxConnectionsPerRoute) {
        DnsResolver guarded = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) {
                return guard.resolve(host, -1);
            }

            @Override
            public List<InetSocketAddress> resolve(String host, int port) {
                return Arrays.stream(guard.resolve(host, port))
                        .map(a -> new InetSocketAddress(a, port))
                        .toList();
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(guarded)
                        .setMaxConnPerRoute(maxConnectionsPerRoute)
                        .setMaxConnTotal(Math.max(20, maxConnectionsPerRoute * 4))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout))
                                .build())
                        .build())
                // Waiting for a pooled connection counts against the connect time, never minutes on its own.
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("wa-monitor/1.0")
                .build();
    }
}
