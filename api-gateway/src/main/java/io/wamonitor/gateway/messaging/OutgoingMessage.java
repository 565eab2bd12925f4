package io.wamonitor.gateway.messaging;

import io.wamonitor.contracts.command.SendMessage;
import io.wamonitor.gateway.api.ApiProblem;
import io.wamonitor.gateway.api.InvalidRequestException;
import io.wamonitor.gateway.security.MediaFetcher;
import io.wamonitor.gateway.security.OutboundGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Base64;
import org.springframework.http.HttpStatus;

/**
 * What a send request asks for, checked for shape before anything else happens (before the account's state,
 * the idempotency key or the rate limit are looked at), so a malformed request always gets the same answer
 * and costs nothing: a text, inline media (decoded now), or a media URL (checked by the guard now, fetched
 * only when the message is really sent).
 */
sealed interface OutgoingMessage {

    record Text(String chatId, String text) implements OutgoingMessage {}

    record Inline(String chatId, String caption, String mimetype, String filename, byte[] bytes)
            implements OutgoingMessage {}

    record ByUrl(String chatId, String caption, URI url, String filename) implements OutgoingMessage {}

    static OutgoingMessage of(SendRequest request, OutboundGuard guard, long mediaMaxBytes) {
        if (request.mediaUrl() != null && request.media() != null) {
            throw new InvalidRequestException("media_url", "cannot be sent together with media");
        }
        if (request.mediaUrl() != null) {
            URI url = parseUrl(request.mediaUrl());
            guard.check(url); // refuse private targets before anything else
            return new ByUrl(request.chatId(), request.caption(), url, request.filename());
        }
        if (request.media() == null) {
            if (request.message() == null || request.message().isBlank()) {
                throw new InvalidRequestException("message", "is required for a text (or send media_url or media)");
            }
            return new Text(request.chatId(), request.message());
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(request.media().data());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("media.data", "is not valid base64");
        }
        if (bytes.length == 0) {
            throw new InvalidRequestException("media.data", "is empty");
        }
        if (bytes.length > mediaMaxBytes) {
            throw ApiProblem.of(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "PAYLOAD_TOO_LARGE",
                    "media is larger than " + mediaMaxBytes + " bytes");
        }
        String filename = request.media().filename() != null ? request.media().filename() : request.filename();
        return new Inline(
                request.chatId(),
                request.caption() != null ? request.caption() : request.message(),
                request.media().mimetype(),
                filename,
                bytes);
    }

    String chatId();

    /**
     * The command for the worker, which refuses it after {@code deadline}; a media URL is downloaded here,
     * through the guarded fetcher.
     */
    default SendMessage toCommand(MediaFetcher fetcher, Instant deadline) {
        if (this instanceof Text text) {
            return new SendMessage(text.chatId(), text.text(), null, deadline);
        }
        if (this instanceof Inline inline) {
            return new SendMessage(
                    inline.chatId(),
                    inline.caption(),
                    new SendMessage.Media(
                            inline.mimetype(),
                            Filenames.sanitize(inline.filename()),
                            Base64.getEncoder().encodeToString(inline.bytes())),
                    deadline);
        }
        ByUrl byUrl = (ByUrl) this;
        MediaFetcher.Fetched fetched = fetcher.fetch(byUrl.url().toString());
        String filename = Filenames.sanitize(byUrl.filename() != null ? byUrl.filename() : fetched.filename());
        return new SendMessage(
                byUrl.chatId(),
                byUrl.caption(),
                new SendMessage.Media(
                        fetched.mimetype(), filename, Base64.getEncoder().encodeToString(fetched.bytes())),
                deadline);
    }

    private static URI parseUrl(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new OutboundGuard.BlockedUrlException("media_url is not a valid URL");
        }
    }
}
