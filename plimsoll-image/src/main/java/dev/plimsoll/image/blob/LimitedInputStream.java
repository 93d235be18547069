package dev.plimsoll.image.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than {@code limit} bytes pass: bounds what a small compressed blob may expand to. */
public final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final String what;
    private long count;
    private byte[] scratch;

    /** Thrown when the limit is passed; its message names what was limited and the limit. */
    public static final class LimitExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceededException(String message) {
            super(message);
        }
    }

    /** @param what how messages name the stream, e.g. "decompressed layer" */
    public LimitedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            account(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        // ask for at most one byte past the limit: enough to notice, never a large overshoot
        int n = in.read(b, off, (int) Math.min(len, limit - count + 1));
        if (n > 0) {
            account(n);
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
        // counting must see each byte once
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void account(int n) throws LimitExceededException {
        count += n;
        if (count > limit) {
            throw new LimitExceededException(what + " exceeds the limit of " + limit + " bytes");
        }
    }
}
