package io.wamonitor.simulator.network;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * The public half of a linked device's P-256 identity key. The private half stays in the browser profile as a
 * non-extractable CryptoKey, so a session restores only where the profile is: like WhatsApp's device keys.
 */
public final class DeviceKey {

    private final PublicKey key;
    private final Map<String, String> jwk;

    private DeviceKey(PublicKey key, Map<String, String> jwk) {
        this.key = key;
        this.jwk = jwk;
    }

    /** The public key as a JWK again (kept by the servers across restarts). */
    public Map<String, String> jwk() {
        return jwk;
    }

    /** From a WebCrypto JWK ({@code kty: EC, crv: P-256, x, y}). */
    public static DeviceKey fromJwk(Map<String, ?> jwk) {
        if (jwk == null || !"EC".equals(jwk.get("kty")) || !"P-256".equals(jwk.get("crv"))) {
            throw new IllegalArgumentException("device key must be an EC P-256 JWK");
        }
        try {
            Base64.Decoder url = Base64.getUrlDecoder();
            BigInteger x = new BigInteger(1, url.decode((String) jwk.get("x")));
            BigInteger y = new BigInteger(1, url.decode((String) jwk.get("y")));
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
            return new DeviceKey(
                    KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec)),
                    Map.of("kty", "EC", "crv", "P-256", "x", (String) jwk.get("x"), "y", (String) jwk.get("y")));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("invalid device key", e);
        }
    }

    /** Checks a WebCrypto ECDSA/SHA-256 signature (raw r||s, base64) over the challenge text. */
    public boolean verifies(String challenge, String signatureBase64) {
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update(challenge.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
