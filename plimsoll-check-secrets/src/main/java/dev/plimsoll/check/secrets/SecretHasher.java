package dev.plimsoll.check.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash that identifies a secret in fingerprints and baselines: HMAC-SHA256(key, UTF-8 of the secret), hex.
 * A plain SHA-256 of a short password is reversed by a dictionary in seconds; with a key that stays with the team
 * (the policy file or CI settings provide it), a baseline or report that leaks does not leak the secrets. Without
 * one, {@link #DEFAULT_KEY} is used: a fixed, public project key, which keeps fingerprints stable across machines
 * but protects only against precomputed tables, not against a targeted dictionary attack.
 */
public final class SecretHasher {
    /** The default key, fixed forever so that baselines stay valid: "plimsoll secret fingerprint v1". */
    public static final byte[] DEFAULT_KEY = "plimsoll secret fingerprint v1".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;

    public SecretHasher(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("the secret hash key must not be empty");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public static SecretHasher defaultKey() {
        return new SecretHasher(DEFAULT_KEY);
    }

    public String hash(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
