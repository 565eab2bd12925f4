package io.wamonitor.simulator.network;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param qrInterval     {@code SIM_QR_INTERVAL}: how long each QR ref is shown before the next (WhatsApp: ~20 s)
 * @param qrRefs         {@code SIM_QR_REFS}: refs per batch; after the last one the QR goes idle
 * @param ciphertextRate {@code SIM_CIPHERTEXT_RATE}: share of inbound messages first seen undecrypted (0..1)
 * @param deliveryDelay  delay before a sent message is reported delivered (ack 2)
 * @param readDelay      delay before it is reported read (ack 3); zero or negative: never read
 * @param pairingCodeInterval {@code SIM_PAIRING_CODE_INTERVAL}: an unused pairing code is replaced after this
 *                            (WhatsApp: 3.25 min)
 * @param pairingCodeRefreshes how many replacements before the code expires for good (WhatsApp: 5)
 * @param dataDir        {@code SIM_DATA_DIR}: where WhatsApp's side is kept across restarts (numbers, phones, linked
 *                       devices with their keys, messages waiting for a device, sent messages, media), as WhatsApp
 *                       keeps it; empty: in memory only (a restart forgets every linked device)
 */
@ConfigurationProperties("sim")
public record SimSettings(
        Duration qrInterval,
        int qrRefs,
        double ciphertextRate,
        Duration deliveryDelay,
        Duration readDelay,
        Duration pairingCodeInterval,
        int pairingCodeRefreshes,
        String dataDir) {

    public SimSettings {
        qrInterval = qrInterval == null ? Duration.ofSeconds(20) : qrInterval;
        qrRefs = qrRefs <= 0 ? 6 : qrRefs;
        deliveryDelay = deliveryDelay == null ? Duration.ofMillis(300) : deliveryDelay;
        readDelay = readDelay == null ? Duration.ofMillis(1200) : readDelay;
        pairingCodeInterval = pairingCodeInterval == null ? Duration.ofMillis(195_000) : pairingCodeInterval;
        pairingCodeRefreshes = pairingCodeRefreshes <= 0 ? 5 : pairingCodeRefreshes;
    }

    /** Where the state is kept, or null for memory only. */
    public Path dataPath() {
        return dataDir == null || dataDir.isBlank()
                ? null
                : Path.of(dataDir).toAbsolutePath().normalize();
    }
}
