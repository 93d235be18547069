package dev.plimsoll.image.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that must see every byte that passes: {@code skip} reads the skipped bytes (so a consumer that skips
 * content, as tar readers do, cannot bypass it) and mark/reset is refused (a byte must not be seen twice).
 */
abstract class ObservingInputStream extends FilterInputStream {
    private byte[] scratch;

    ObservingInputStream(InputStream in) {
        super(in);
    }

    /** Called with every chunk that passed, before the caller sees it. */
    protected abstract void observe(byte[] b, int off, int n) throws IOException;

    /** How many bytes one read may ask the source for; a subclass may ask for fewer. */
    protected int readLength(int wanted) {
        return wanted;
    }

    @Override
    public final int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            observe(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public final int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, readLength(len));
        if (n > 0) {
            observe(b, off, n);
        }
        return n;
    }

    @Override
    public final long skip(long n) throws IOException {
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
    public final boolean markSupported() {
        return false;
    }

    @Override
    public final synchronized void mark(int readlimit) {
        // refused: see the class comment
    }

    @Override
    public final synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }
}
