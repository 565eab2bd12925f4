package io.wamonitor.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.lang.Nullable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Jackson's own UTF-8 reader lets some malformed byte sequences through: an overlong {@code C0 AF} arrives as
 * "/", the classic way around a filter that looks for slashes. Request bodies are checked with the JDK's
 * strict decoder first, so anything that is not well-formed UTF-8 is MALFORMED_REQUEST. Bodies are already
 * capped by {@code MAX_REQUEST_BYTES}, so holding one in memory costs no more than Jackson would.
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

    private static HttpInputMessage checked(HttpInputMessage input) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        MediaType type = input.getHeaders().getContentType();
        Charset charset = type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        if (StandardCharsets.UTF_8.equals(charset)) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            } catch (CharacterCodingException e) {
                throw new HttpMessageNotReadableException("The request body is not valid UTF-8", e, input);
            }
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
