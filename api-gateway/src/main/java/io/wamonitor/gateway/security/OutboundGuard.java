package io.wamonitor.gateway.security;

import io.wamonitor.gateway.api.ApiProblem;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Decides whether the gateway may connect to a URL given by a caller (webhook URLs, media URLs): http(s) only,
 * and every address the host resolves to must be public. Loopback, private, link-local (cloud metadata),
 * carrier-grade NAT, unique-local, multicast and unspecified addresses are refused, in IPv4, IPv6 and
 * IPv4-mapped IPv6. {@code OUTBOUND_ALLOW} lists exceptions (hosts, host:port, or CIDR ranges) for a sandbox.
 */
@Component
public class OutboundGuard {

    private final List<String> allowedHosts = new ArrayList<>();
    private final List<Cidr> allowedRanges = new ArrayList<>();

    public OutboundGuard(@Value("${wamonitor.outbound.allow:}") String allow) {
        Arrays.stream(allow.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .forEach(entry -> {
                    if (entry.contains("/")) {
                        allowedRanges.add(Cidr.parse(entry));
                    } else {
                        allowedHosts.add(entry.toLowerCase(Locale.ROOT));
                    }
                });
    }

    /** Thrown when a URL may not be fetched; the message says why in words safe to show the caller. */
    public static class BlockedUrlException extends ApiProblem {

        private final String reason;

        public BlockedUrlException(String reason) {
            super(
                    HttpStatus.BAD_REQUEST,
                    "OUTBOUND_URL_BLOCKED",
                    "URL not allowed",
                    "The gateway does not connect there: " + reason);
            this.reason = reason;
        }

        /** Why the URL is refused, without the API's wording around it. */
        public String reason() {
            return reason;
        }
    }

    /**
     * The host has no address right now. Refused like any other URL we cannot check, but unlike a private
     * address this may pass: DNS can be briefly down, so a webhook delivery tries again later.
     */
    public static class UnresolvableHostException extends BlockedUrlException {
        public UnresolvableHostException(String message) {
            super(message);
        }
    }

    /** Checks scheme and host, resolves the host and checks every address; returns the addresses to use. */
    public InetAddress[] check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BlockedUrlException("only http and https URLs are allowed");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new BlockedUrlException("the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new BlockedUrlException("credentials in URLs are not allowed");
        }
        return resolve(host, portOf(uri));
    }

    /**
     * The check that is possible without DNS, for URLs stored now and used later (webhook URLs): IP literals
     * and localhost must be allowed; names are checked again at every use.
     */
    public void checkWhenStored(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return;
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.matches("[0-9][0-9a-fA-FxX.]*") && !bare.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            // 2130706433, 0x7f.1 or 017700000001 mean 127.0.0.1 to some URL parsers and a name to others.
            throw new BlockedUrlException("write IPv4 addresses as four decimal numbers");
        }
        boolean literal = bare.matches("[0-9.]+")
                || bare.contains(":")
                || bare.equalsIgnoreCase("localhost")
                || bare.toLowerCase(Locale.ROOT).endsWith(".localhost");
        if (literal) {
            check(uri);
        }
    }

    /** Resolves and checks a host, for the connection itself (so DNS cannot answer differently later). */
    public InetAddress[] resolve(String host, int port) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new UnresolvableHostException("the host " + bare + " cannot be resolved");
        }
        boolean hostAllowed = allowedHosts.contains(bare.toLowerCase(Locale.ROOT))
                || allowedHosts.contains(bare.toLowerCase(Locale.ROOT) + ":" + port);
        for (InetAddress address : addresses) {
            if (!hostAllowed
                    && !isPublic(address)
                    && allowedRanges.stream().noneMatch(r -> r.contains(address))
                    && !allowedHosts.contains(address.getHostAddress() + ":" + port)
                    && !allowedHosts.contains(address.getHostAddress())) {
                throw new BlockedUrlException("the host " + bare + " resolves to a non-public address");
            }
        }
        return addresses;
    }

    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            if (isMappedIpv4(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            boolean uniqueLocal = (b[0] & 0xFE) == 0xFC; // fc00::/7
            boolean documentation = (b[0] & 0xFF) == 0x20
                    && (b[1] & 0xFF) == 0x01
                    && (b[2] & 0xFF) == 0x0D
                    && (b[3] & 0xFF) == 0xB8; // 2001:db8::/32
            return !(address.isLoopbackAddress()
                    || address.isAnyLocalAddress()
                    || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress()
                    || address.isMulticastAddress()
                    || uniqueLocal
                    || documentation);
        }
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            boolean carrierNat = first == 100 && second >= 64 && second <= 127; // 100.64.0.0/10
            boolean thisNetwork = first == 0; // 0.0.0.0/8
            boolean benchmark = first == 198 && (second == 18 || second == 19); // 198.18.0.0/15
            boolean reserved = first >= 240; // 240.0.0.0/4, broadcast
            boolean ietf = first == 192 && second == 0 && (b[2] & 0xFF) == 0; // 192.0.0.0/24
            return !(address.isLoopbackAddress()
                    || address.isAnyLocalAddress()
                    || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress()
                    || address.isMulticastAddress()
                    || carrierNat
                    || thisNetwork
                    || benchmark
                    || reserved
                    || ietf);
        }
        return false;
    }

    private static boolean isMappedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
    }

    /** The port a connection to this URL uses: the explicit one, else the scheme's default. */
    public static int portOf(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** An address range such as 10.0.0.0/8 or fd00::/8. */
    record Cidr(byte[] network, int bits) {

        static Cidr parse(String text) {
            String[] parts = text.split("/");
            try {
                return new Cidr(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]));
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("Invalid OUTBOUND_ALLOW range " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
