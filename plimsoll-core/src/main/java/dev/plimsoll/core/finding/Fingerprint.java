package dev.plimsoll.core.finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A stable identity for a finding, for baselines and SARIF partialFingerprints: a SHA-256 over the parts that
 * identify it (rule, target, package or file, a content hash) and never over line numbers alone or a raw secret.
 */
public record Fingerprint(String value) {
    public Fingerprint {
        Objects.requireNonNull(value);
    }

    /**
     * Cloned for each fingerprint, never used itself: MessageDigest.getInstance looks the algorithm up among the
     * providers and checks it against the security properties each time, which cost more than the hash when a
     * report fingerprints tens of thousands of findings.
     */
    private static final MessageDigest SHA256 = sha256();

    public static Fingerprint of(String... parts) {
        try {
            MessageDigest md = (MessageDigest) SHA256.clone();
            for (String part : parts) {
                md.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0); // separator, so ("ab","c") and ("a","bc") differ
            }
            return new Fingerprint(HexFormat.of().formatHex(md.digest()));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the SHA-256 digest cannot be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.clone(); // fail at class initialisation, not at the first finding, on a platform that cannot clone
            return md;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
