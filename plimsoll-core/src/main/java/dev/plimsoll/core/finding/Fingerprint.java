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
     * One digest per thread, reset by each fingerprint: cloning a prototype digest per fingerprint copied its state
     * arrays every time, a sixth of the memory an audit report of tens of thousands of findings allocated.
     * MessageDigest.getInstance per fingerprint cost more still: it looks the algorithm up among the providers and
     * checks the security properties each time.
     */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Fingerprint::sha256);

    public static Fingerprint of(String... parts) {
        MessageDigest md = SHA256.get();
        md.reset(); // a digest abandoned half-way (an exception in update) must not leak into the next fingerprint
        for (String part : parts) {
            if (part != null) {
                md.update(part.getBytes(StandardCharsets.UTF_8));
            }
            md.update((byte) 0); // separator, so ("ab","c") and ("a","bc") differ
        }
        return new Fingerprint(HexFormat.of().formatHex(md.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
