package dev.plimsoll.image.blob;

import java.io.IOException;
import java.io.InputStream;

/** Fails once more than {@code limit} bytes pass: bounds what a small compressed blob may expand to. */
public final class LimitedInputStream extends ObservingInputStream {
    private final long limit;
    private final String what;
    private long count;

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

    /** Asks for at most one byte past the limit: enough to notice, never a large overshoot. */
    @Override
    protected int readLength(int wanted) {
        return (int) Math.min(wanted, limit - count + 1);
    }

    @Override
    protected void observe(byte[] b, int off, int n) throws LimitExceededException {
        account(n);
    }

    private void account(int n) throws LimitExceededException {
        count += n;
        if (count > limit) {
            throw new LimitExceededException(what + " exceeds the limit of " + limit + " bytes");
        }
    }
}
