package io.wamonitor.simulator.network;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

/** A device's key pair as WhatsApp Web's page makes it (WebCrypto P-256), and its signatures. */
final class TestKeys {

    private TestKeys() {}

    static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static Map<String, String> jwk(KeyPair pair) {
        ECPublicKey key = (ECPublicKey) pair.getPublic();
        return Map.of(
                "kty",
                "EC",
                "crv",
                "P-256",
                "x",
                coordinate(key.getW().getAffineX()),
                "y",
                coordinate(key.getW().getAffineY()));
    }

    static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int from = Math.max(0, bytes.length - 32);
        System.arraycopy(bytes, from, fixed, 32 - (bytes.length - from), bytes.length - from);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    /** What the page sends: the ECDSA signature of the challenge, base64 (WebCrypto's P1363 format). */
    static String sign(KeyPair pair, String challenge) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(pair.getPrivate());
        signer.update(challenge.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }
}
