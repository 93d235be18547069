package dev.plimsoll.analyzer.lang.elf;

import dev.plimsoll.core.fs.FileEntry;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Bytes of known size read at arbitrary offsets, without holding them all: the walk's captured copy of a file
 * (re-opened and skipped, which seeks for spilled content and is free for content on the heap), or an array.
 */
public sealed interface SeekableBytes {
    long size();

    /**
     * Exactly {@code length} bytes at {@code offset}; the caller checks that they lie within {@link #size()}.
     *
     * @throws EOFException when the content ends before {@link #size()} promised
     */
    byte[] read(long offset, int length) throws IOException;

    static SeekableBytes of(FileEntry entry) {
        return new Entry(entry, entry.meta().size());
    }

    static SeekableBytes of(byte[] bytes) {
        return new Array(bytes);
    }

    /** The captured content of a file of the image. */
    record Entry(FileEntry entry, long size) implements SeekableBytes {
        public Entry {
            Objects.requireNonNull(entry);
        }

        @Override
        public byte[] read(long offset, int length) throws IOException {
            checkRange(offset, length, size);
            try (InputStream in = entry.open()) {
                in.skipNBytes(offset);
                byte[] bytes = in.readNBytes(length);
                if (bytes.length != length) {
                    throw new EOFException("content ends " + (length - bytes.length) + " bytes early at offset "
                            + offset);
                }
                return bytes;
            }
        }
    }

    /** Bytes in memory. */
    record Array(byte[] bytes) implements SeekableBytes {
        public Array {
            Objects.requireNonNull(bytes);
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public byte[] read(long offset, int length) {
            checkRange(offset, length, bytes.length);
            return Arrays.copyOfRange(bytes, (int) offset, (int) offset + length);
        }
    }

    private static void checkRange(long offset, int length, long size) {
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IndexOutOfBoundsException("[" + offset + ", +" + length + ") outside " + size + " bytes");
        }
    }
}
