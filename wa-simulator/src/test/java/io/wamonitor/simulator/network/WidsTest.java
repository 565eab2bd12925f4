package io.wamonitor.simulator.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WidsTest {

    @Test
    void numbersAreDigitsWhateverTheyAreWrittenAs() {
        assertThat(Wids.digits("+1 (555) 000-1111")).isEqualTo("15550001111");
        assertThat(Wids.digits("15550001111@c.us")).isEqualTo("15550001111");
        assertThat(Wids.isPhoneNumber("15550001111")).isTrue();
        assertThat(Wids.isPhoneNumber("0123")).isFalse();
        assertThat(Wids.isPhoneNumber("1234567890123456")).isFalse();
    }

    @Test
    void serializedKeysFollowWhatsAppsFormat() {
        assertThat(Wids.serializedKey(false, "1555@c.us", "3A1", null)).isEqualTo("false_1555@c.us_3A1");
        assertThat(Wids.serializedKey(false, "1203@g.us", "3A1", "1555@c.us"))
                .isEqualTo("false_1203@g.us_3A1_1555@c.us");
        assertThat(Wids.serializedKey(true, "1203@g.us", "3EB0", "1555@c.us")).isEqualTo("true_1203@g.us_3EB0");
        assertThat(Wids.newMessageId(true)).matches("3EB0[0-9A-F]{16}");
        assertThat(Wids.newMessageId(false)).matches("3A[0-9A-F]{18}");
    }

    @Test
    void mediaTypesMapToWhatsAppMessageTypes() {
        assertThat(MediaTypes.messageType("image/jpeg")).isEqualTo("image");
        assertThat(MediaTypes.messageType("image/webp")).isEqualTo("sticker");
        assertThat(MediaTypes.messageType("video/mp4")).isEqualTo("video");
        assertThat(MediaTypes.messageType("audio/ogg; codecs=opus")).isEqualTo("ptt");
        assertThat(MediaTypes.messageType("audio/mpeg")).isEqualTo("audio");
        assertThat(MediaTypes.messageType("application/pdf")).isEqualTo("document");
        assertThat(MediaTypes.messageType(null)).isEqualTo("document");
    }
}
