package dev.plimsoll.vulndb.build.feedio;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with {@link FileTooLargeException} once more than {@code maxBytes} have been read: bounds decompression. */
public final class BoundedInputStream extends FilterInputStream {
    private final long maxBytes;
    private long count;

    public BoundedInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws FileTooLargeException {
        count += n;
        if (count > maxBytes) {
            throw new FileTooLargeException(maxBytes);
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
