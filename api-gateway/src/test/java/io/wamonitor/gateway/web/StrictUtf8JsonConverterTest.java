package io.wamonitor.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8JsonConverterTest {

    @Test
    void acceptsWellFormedTextLongerThanTheBuffer() {
        byte[] text =
                ("{\"message\":\"" + "\u00e9\ud83d\ude00".repeat(10_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(StrictUtf8JsonConverter.isWellFormedUtf8(text)).isTrue();
    }

    @Test
    void refusesOverlongTruncatedAndInvalidSequences() {
        assertThat(StrictUtf8JsonConverter.isWellFormedUtf8(new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'}))
                .isFalse();
        assertThat(StrictUtf8JsonConverter.isWellFormedUtf8(new byte[] {'"', (byte) 0xE2, (byte) 0x82}))
                .isFalse();
        assertThat(StrictUtf8JsonConverter.isWellFormedUtf8(new byte[] {(byte) 0xFF}))
                .isFalse();
        assertThat(StrictUtf8JsonConverter.isWellFormedUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))
                .as("an encoded surrogate")
                .isFalse();
    }
}
