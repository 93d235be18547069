package dev.plimsoll.image.blob;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * A byte range of a file read with positional reads: no copy to disk, and several ranges of one shared channel
 * can be read from different threads at once (positional reads do not move the channel's position).
 */
public final class RangeInputStream extends InputStream {
    private final FileChannel channel;
    private final boolean ownsChannel;
    private final long end;
    private long position;

    public RangeInputStream(FileChannel channel, long offset, long length, boolean ownsChannel) {
        this.channel = Objects.requireNonNull(channel);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative range");
        }
        this.position = offset;
        this.end = offset + length;
        this.ownsChannel = ownsChannel;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int want = (int) Math.min(len, end - position);
        int n = channel.read(ByteBuffer.wrap(b, off, want), position);
        if (n < 0) {
            // the file shrank after it was indexed
            throw new EOFException("file ends " + (end - position) + " bytes before the end of the blob");
        }
        position += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long step = Math.max(0, Math.min(n, end - position));
        position += step;
        return step;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - position);
    }

    @Override
    public void close() throws IOException {
        if (ownsChannel) {
            channel.close();
        }
    }
}
