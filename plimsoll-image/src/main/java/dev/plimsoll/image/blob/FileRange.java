package dev.plimsoll.image.blob;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A blob's bytes in place: a range of a regular file, read with positional reads, so a reader can seek within it
 * and several threads can read it at once. Positions are relative to the start of the blob.
 */
public final class FileRange implements Closeable {
    private final FileChannel channel;
    private final boolean ownsChannel;
    private final Path file;
    private final long offset;
    private final long length;

    public FileRange(FileChannel channel, boolean ownsChannel, Path file, long offset, long length) {
        this.channel = Objects.requireNonNull(channel);
        this.ownsChannel = ownsChannel;
        this.file = Objects.requireNonNull(file);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative range");
        }
        this.offset = offset;
        this.length = length;
    }

    /** The file the range lies in. */
    public Path file() {
        return file;
    }

    /** Size of the blob. */
    public long length() {
        return length;
    }

    /** Size of the open file, which may differ from the file now at {@link #file()}. */
    public long fileSize() throws IOException {
        return channel.size();
    }

    /**
     * Reads up to {@code dst.remaining()} bytes from {@code position}.
     *
     * @return the count, at least 1, or -1 at the end of the blob
     * @throws EOFException when the file ends before the blob does (it shrank after it was indexed)
     */
    public int read(ByteBuffer dst, long position) throws IOException {
        if (position >= length) {
            return -1;
        }
        int limit = dst.limit();
        dst.limit(dst.position() + (int) Math.min(dst.remaining(), length - position));
        try {
            int n = channel.read(dst, offset + position);
            if (n < 0) {
                throw new EOFException("file ends " + (length - position) + " bytes before the end of the blob");
            }
            return n;
        } finally {
            dst.limit(limit);
        }
    }

    /** Reads {@code len} bytes from {@code position}, or fewer when the blob ends first; returns the count. */
    public int readUpTo(byte[] b, int off, int len, long position) throws IOException {
        ByteBuffer dst = ByteBuffer.wrap(b, off, len);
        while (dst.hasRemaining()) {
            if (read(dst, position + dst.position() - off) < 0) {
                break;
            }
        }
        return dst.position() - off;
    }

    /** A stream over {@code count} bytes from {@code position}; closing it leaves the range open. */
    public InputStream stream(long position, long count) {
        Objects.checkFromIndexSize(position, count, length);
        return new RangeInputStream(channel, offset + position, count, false);
    }

    @Override
    public void close() throws IOException {
        if (ownsChannel) {
            channel.close();
        }
    }
}
