package io.wamonitor.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.lang.Nullable;

/**
 * Jackson's own UTF-8 reader lets some malformed byte sequences through: an overlong {@code C0 AF} arrives as
 * "/", the classic way around a filter that looks for slashes. Request bodies are checked with the JDK's
 * strict decoder first, so anything that is not well-formed UTF-8 is MALFORMED_REQUEST. The body (capped by
 * {@code MAX_REQUEST_BYTES}) is held as bytes once; the check itself decodes through an 8 KB buffer.
 */
class StrictUtf8JsonConverter extends MappingJackson2HttpMessageConverter {

    StrictUtf8JsonConverter(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    public Object read(Type type, @Nullable Class<?> contextClass, HttpInputMessage input) throws IOException {
        return super.read(type, contextClass, checked(input));
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) throws IOException {
        return super.readInternal(clazz, checked(input));
    }

    /** Decodes through a small buffer: checking a 25 MB body must not cost another 50 MB of chars. */
    static boolean isWellFormedUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                out.clear();
                return !decoder.flush(out).isError();
            }
            out.clear();
        }
    }

    private static HttpInputMessage checked(HttpInputMessage input) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        MediaType type = input.getHeaders().getContentType();
        Charset charset = type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        if (StandardCharsets.UTF_8.equals(charset) && !isWellFormedUtf8(body)) {
            throw new HttpMessageNotReadableException(
                    "The request body is not valid UTF-8", new CharacterCodingException(), input);
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }
}
