package dev.plimsoll.analyzer.lang.java;

import dev.plimsoll.core.fs.FileEntry;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Random access to an archive's bytes without copying them: the file the walk captured (re-opened and skipped, which
 * seeks for spilled files and is free for in-memory ones), an inflated nested archive, or the range of a stored
 * nested archive inside its parent, so that a Spring Boot fat jar's libraries are read in place.
 */
sealed interface ByteSource {
    long size();

    /** A stream of the bytes from {@code offset} to the end of this source. */
    InputStream openAt(long offset) throws IOException;

    /** {@code length} bytes at {@code offset}, which the caller has checked lie within the source. */
    default byte[] read(long offset, int length) throws IOException {
        try (InputStream in = openAt(offset)) {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new java.io.EOFException("expected " + length + " bytes at offset " + offset + ", got "
                        + bytes.length);
            }
            return bytes;
        }
    }

    /** The captured content of a file of the image. */
    record File(FileEntry entry, long size) implements ByteSource {
        public File {
            Objects.requireNonNull(entry);
        }

        @Override
        public InputStream openAt(long offset) throws IOException {
            InputStream in = entry.open();
            try {
                in.skipNBytes(offset);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
            return new Bounded(in, size - offset);
        }
    }

    /** Bytes in memory: an inflated nested archive. */
    record Bytes(byte[] bytes) implements ByteSource {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream openAt(long offset) {
            return new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
        }
    }

    /** A range of another source: a stored nested archive. */
    record Slice(ByteSource parent, long start, long size) implements ByteSource {
        public Slice {
            Objects.requireNonNull(parent);
            if (start < 0 || size < 0 || start + size > parent.size()) {
                throw new IllegalArgumentException("slice [" + start + ", +" + size + ") outside a source of "
                        + parent.size() + " bytes");
            }
        }

        @Override
        public InputStream openAt(long offset) throws IOException {
            return new Bounded(parent.openAt(start + offset), size - offset);
        }
    }

    /** Ends a stream after {@code remaining} bytes. */
    final class Bounded extends FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long remaining) {
            super(in);
            this.remaining = Math.max(0, remaining);
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
