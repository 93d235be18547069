package dev.plimsoll.core.finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
     * One digest and its scratch space per thread, reset by each fingerprint: an audit report fingerprints tens of
     * thousands of findings, some several times (order, policy, output). Cloning a prototype digest per fingerprint
     * copied its state arrays every time, and encoding each part into a fresh byte array and the digest through
     * HexFormat were a third of the memory such a report allocated.
     */
    private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

    public static Fingerprint of(String... parts) {
        return new Fingerprint(HASHER.get().hash(parts));
    }

    private static final class Hasher {
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        private final MessageDigest md = sha256();
        private final byte[] digest = new byte[32];
        private byte[] scratch = new byte[256];

        String hash(String... parts) {
            md.reset(); // a digest abandoned half-way (an exception in update) must not leak into the next one
            for (String part : parts) {
                if (part != null) {
                    update(part);
                }
                md.update((byte) 0); // separator, so ("ab","c") and ("a","bc") differ
            }
            try {
                md.digest(digest, 0, digest.length);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException("SHA-256 gives 32 bytes", e);
            }
            byte[] hex = new byte[64];
            for (int i = 0; i < 32; i++) {
                hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
                hex[2 * i + 1] = HEX[digest[i] & 0xf];
            }
            return new String(hex, StandardCharsets.ISO_8859_1);
        }

        /** The part's UTF-8 bytes: ASCII copied into the scratch array, anything else encoded by the JDK. */
        private void update(String part) {
            int n = part.length();
            if (n > scratch.length) {
                if (n > 1 << 16) {
                    md.update(part.getBytes(StandardCharsets.UTF_8));
                    return;
                }
                scratch = new byte[Integer.highestOneBit(n) << 1];
            }
            for (int i = 0; i < n; i++) {
                char c = part.charAt(i);
                if (c >= 0x80) {
                    md.update(part.getBytes(StandardCharsets.UTF_8));
                    return;
                }
                scratch[i] = (byte) c;
            }
            md.update(scratch, 0, n);
        }
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
