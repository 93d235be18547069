package dev.plimsoll.image.blob;

import dev.plimsoll.core.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Digests and counts every byte that passes. Unlike {@link java.security.DigestInputStream}, {@code skip} reads
 * the skipped bytes, so a consumer that skips content (tar readers do) cannot bypass verification.
 */
public final class DigestingInputStream extends ObservingInputStream {
    private final String algorithm;
    private final MessageDigest digest;
    private long count;

    public DigestingInputStream(InputStream in, Digest expected) throws IOException {
        super(in);
        this.algorithm = expected.algorithm();
        try {
            this.digest = MessageDigest.getInstance(expected.jcaName());
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("unsupported digest algorithm " + expected.algorithm(), e);
        }
    }

    @Override
    protected void observe(byte[] b, int off, int n) {
        digest.update(b, off, n);
        count += n;
    }

    /** Reads what is left, so the digest covers the whole stream. */
    public void drain() throws IOException {
        skip(Long.MAX_VALUE);
    }

    public long count() {
        return count;
    }

    /** The digest of the bytes read so far; call once, at the end. */
    public Digest result() {
        return new Digest(algorithm, HexFormat.of().formatHex(digest.digest()));
    }
}
