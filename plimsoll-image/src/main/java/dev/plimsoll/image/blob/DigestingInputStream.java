package dev.plimsoll.image.blob;

import dev.plimsoll.core.image.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Digests and counts every byte that passes. Unlike {@link java.security.DigestInputStream}, {@code skip} reads
 * the skipped bytes, so a consumer that skips content (tar readers do) cannot bypass verification.
 */
public final class DigestingInputStream extends FilterInputStream {
    private final String algorithm;
    private final MessageDigest digest;
    private long count;
    private byte[] scratch;

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
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            digest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            digest.update(b, off, n);
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (scratch == null) {
            scratch = new byte[16 * 1024];
        }
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // marks would let bytes be digested twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
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
