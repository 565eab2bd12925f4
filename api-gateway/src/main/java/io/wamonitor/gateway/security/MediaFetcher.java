package io.wamonitor.gateway.security;

import io.wamonitor.gateway.api.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Downloads a caller's media URL without becoming a proxy into the private network: every hop (redirects are
 * followed by hand, at most 5) is checked by the {@link OutboundGuard}, and the connection uses the very
 * addresses the guard approved (its DNS resolver is the guard), so DNS rebinding between check and connect
 * does not help. Size-limited; the type is taken from the content where it is recognisable.
 */
@Component
public class MediaFetcher implements AutoCloseable {

    private static final int MAX_REDIRECTS = 5;

    private final OutboundGuard guard;
    private final long maxBytes;
    private final CloseableHttpClient http;

    public MediaFetcher(OutboundGuard guard, @Value("${wamonitor.messaging.media-max-bytes:16777216}") long maxBytes) {
        this.guard = guard;
        this.maxBytes = maxBytes;
        this.http = GuardedHttpClients.create(guard, Duration.ofSeconds(5), Duration.ofSeconds(20), 5);
    }

    public record Fetched(byte[] bytes, String mimetype, String filename) {}

    /** A media URL that could not be used; {@code code} is the API problem code. */
    /** The media URL could not be fetched: 413 PAYLOAD_TOO_LARGE, or 422 with the reason's code. */
    public static class FetchException extends ApiProblem {

        public FetchException(String code, String message) {
            super(
                    "PAYLOAD_TOO_LARGE".equals(code) ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.UNPROCESSABLE_ENTITY,
                    code,
                    "PAYLOAD_TOO_LARGE".equals(code) ? "Payload Too Large" : "Unprocessable Entity",
                    message);
        }
    }

    public Fetched fetch(String url) {
        URI uri = parse(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            guard.check(uri);
            URI current = uri;
            try {
                Object outcome = http.execute(new HttpGet(current), response -> {
                    int status = response.getCode();
                    if (status >= 300 && status < 400) {
                        Header location = response.getFirstHeader("Location");
                        if (location == null) {
                            throw new FetchException("MEDIA_FETCH_FAILED", "the media URL redirected nowhere");
                        }
                        return current.resolve(parse(location.getValue()));
                    }
                    if (status / 100 != 2) {
                        throw new FetchException("MEDIA_FETCH_FAILED", "the media URL answered HTTP " + status);
                    }
                    return read(response.getEntity(), current, response.getFirstHeader("Content-Type"));
                });
                if (outcome instanceof Fetched fetched) {
                    return fetched;
                }
                uri = (URI) outcome;
            } catch (IOException e) {
                throw new FetchException(
                        "MEDIA_FETCH_FAILED",
                        "the media URL could not be fetched: " + e.getClass().getSimpleName());
            }
        }
        throw new FetchException(
                "MEDIA_FETCH_FAILED", "the media URL redirected more than " + MAX_REDIRECTS + " times");
    }

    private Fetched read(HttpEntity entity, URI uri, Header contentType) throws IOException {
        if (entity == null) {
            throw new FetchException("MEDIA_FETCH_FAILED", "the media URL returned no body");
        }
        if (entity.getContentLength() > maxBytes) {
            throw new FetchException("PAYLOAD_TOO_LARGE", "the media is larger than " + maxBytes + " bytes");
        }
        byte[] bytes;
        try (InputStream in = entity.getContent()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (bytes.length > maxBytes) {
            throw new FetchException("PAYLOAD_TOO_LARGE", "the media is larger than " + maxBytes + " bytes");
        }
        if (bytes.length == 0) {
            throw new FetchException("MEDIA_FETCH_FAILED", "the media URL returned an empty body");
        }
        String declared = contentType == null
                ? null
                : contentType.getValue().split(";")[0].trim();
        String sniffed = ContentTypes.sniff(bytes);
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return new Fetched(
                bytes,
                sniffed != null
                        ? sniffed
                        : (declared == null || declared.isEmpty() ? "application/octet-stream" : declared),
                name.isEmpty() ? null : name);
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new OutboundGuard.BlockedUrlException("the URL is not valid");
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
