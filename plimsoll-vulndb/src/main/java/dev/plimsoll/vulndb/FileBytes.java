package dev.plimsoll.vulndb;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/** Random access to the database file's bytes; safe for concurrent readers. */
sealed interface FileBytes extends AutoCloseable {

    void read(long position, byte[] dst, int offset, int length) throws IOException;

    @Override
    void close() throws IOException;

    /** Positional reads ({@code pread}): one system call per read, and a closed file is released at once. */
    record Positional(FileChannel channel) implements FileBytes {
        @Override
        public void read(long position, byte[] dst, int offset, int length) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(dst, offset, length);
            long pos = position;
            while (buf.hasRemaining()) {
                int n = channel.read(buf, pos);
                if (n < 0) {
                    throw new EOFException("end of file at " + pos);
                }
                pos += n;
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /**
     * Memory-mapped in segments of 1 GiB (a buffer indexes with an int). Absolute reads leave the buffers'
     * positions alone, so concurrent readers do not interfere. The mapping lives until garbage-collected.
     */
    record Mapped(MappedByteBuffer[] segments, long size) implements FileBytes {
        static final int SEGMENT = 1 << 30;

        static Mapped map(FileChannel channel, long size) throws IOException {
            int count = (int) ((size + SEGMENT - 1) / SEGMENT);
            MappedByteBuffer[] segs = new MappedByteBuffer[Math.max(count, 1)];
            for (int i = 0; i < segs.length; i++) {
                long start = (long) i * SEGMENT;
                segs[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(SEGMENT, size - start));
            }
            return new Mapped(segs, size);
        }

        @Override
        public void read(long position, byte[] dst, int offset, int length) throws IOException {
            if (position < 0 || position + length > size) {
                throw new EOFException("read of " + length + " bytes at " + position + " beyond " + size);
            }
            long pos = position;
            int off = offset;
            int left = length;
            while (left > 0) {
                MappedByteBuffer seg = segments[(int) (pos / SEGMENT)];
                int inSeg = (int) (pos % SEGMENT);
                int n = Math.min(left, seg.capacity() - inSeg);
                seg.get(inSeg, dst, off, n);
                pos += n;
                off += n;
                left -= n;
            }
        }

        @Override
        public void close() {
            // Nothing to release explicitly: MappedByteBuffer has no unmap; the mapping goes with the buffers.
        }
    }
}
