package io.wamonitor.simulator.network;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param qrInterval     {@code SIM_QR_INTERVAL}: how long each QR ref is shown before the next (WhatsApp: ~20 s)
 * @param qrRefs         {@code SIM_QR_REFS}: refs per batch; after the last one the QR goes idle
 * @param ciphertextRate {@code SIM_CIPHERTEXT_RATE}: share of inbound messages first seen undecrypted (0..1)
 * @param deliveryDelay  delay before a sent message is reported delivered (ack 2)
 * @param readDelay      delay before it is reported read (ack 3); zero or negative: never read
 */
@ConfigurationProperties("sim")
public record SimSettings(Duration qrInterval, int qrRefs, double ciphertextRate, Duration deliveryDelay,
                          Duration readDelay) {

    public SimSettings {
        qrInterval = qrInterval == null ? Duration.ofSeconds(20) : qrInterval;
        qrRefs = qrRefs <= 0 ? 6 : qrRefs;
        deliveryDelay = deliveryDelay == null ? Duration.ofMillis(300) : deliveryDelay;
        readDelay = readDelay == null ? Duration.ofMillis(1200) : readDelay;
    }
}
