package dev.plimsoll.image.layer;

import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.RawEntry;
import dev.plimsoll.image.ImageLimits;
import dev.plimsoll.image.blob.Compression;
import dev.plimsoll.image.blob.FileRange;
import dev.plimsoll.image.blob.RandomAccessBlob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads an uncompressed layer tar that lies in place in a file (a blob of an OCI layout, an entry of an
 * uncompressed archive) by seeking: headers are read where they lie and content only when asked for, so a walk
 * that wants a few files does not pull the whole layer through a tar stream. The whole blob is still digested, on
 * a thread started at open, and next() reports the end only after that digest matched.
 * <p>
 * Time of check and time of use differ here: headers and content are read apart from the digesting pass, so a file
 * rewritten in place while the layer is read could show this reader bytes the digest never saw. Both passes read
 * one open channel, so a file renamed over the path cannot mix into them; and the file's size and modification
 * time, taken at open, are compared again at the end: any change fails the layer. A writer that restores both (or
 * writes within the file system's timestamp granularity) is not caught.
 */
final class SeekingLayerReader extends GuardedLayerReader {
    /** What the file looked like: the open channel's size, and the size and time of the file at its path. */
    private record FileState(long channelSize, long size, FileTime modified) {
        static FileState of(FileRange range) throws IOException {
            BasicFileAttributes a = Files.readAttributes(range.file(), BasicFileAttributes.class);
            return new FileState(range.fileSize(), a.size(), a.lastModifiedTime());
        }
    }

    private final FileRange range;
    private final Verification verification;
    private final FileState opened;
    private final TarHeaders headers;
    private final RangeDigest digest;
    private TarHeaders.Header current;
    private long cursor;
    private long end;

    private SeekingLayerReader(String image, String layer, FileRange range, Verification verification,
                               long maxEntries, FileState opened) throws IOException {
        super(image, layer, maxEntries);
        this.range = range;
        this.verification = verification;
        this.opened = opened;
        this.headers = new TarHeaders(range);
        this.digest = RangeDigest.start(range, verification.expected());
    }

    /** A reader for the blob when its magic bytes say plain tar; empty when it is compressed. */
    static Optional<LayerReader> openIfUncompressed(String image, String layer, RandomAccessBlob blob,
                                                   Verification verification, ImageLimits limits) throws IOException {
        FileRange range;
        try {
            range = blob.openRange();
        } catch (IOException e) {
            throw TarLayerReader.failure(image, layer, null, e);
        }
        try {
            byte[] magic = new byte[4];
            int n = range.readUpTo(magic, 0, magic.length, 0);
            if (Compression.detect(magic, n) != Compression.NONE) {
                range.close();
                return Optional.empty();
            }
            if (range.length() > limits.maxLayerBytes()) {
                // the message the streaming reader's limit gives
                throw ImageException.inLayer(image, layer, null, "decompressed layer exceeds the limit of "
                        + limits.maxLayerBytes() + " bytes");
            }
            return Optional.of(new SeekingLayerReader(image, layer, range, verification, limits.maxLayerEntries(),
                    FileState.of(range)));
        } catch (IOException e) {
            range.close();
            throw TarLayerReader.failure(image, layer, null, e);
        } catch (RuntimeException e) {
            range.close();
            throw e;
        }
    }

    @Override
    protected RawEntry advance() throws IOException {
        closeSparse();
        current = null;
        current = headers.next();
        if (current == null) {
            finish();
            return null;
        }
        cursor = current.dataOffset();
        end = cursor + current.dataLength();
        return current.entry();
    }

    @Override
    protected ImageException failure(IOException e) {
        if (e instanceof TarHeaders.TruncatedEntryException t) {
            return new ImageException(image, layer, t.entry(), "layer blob is truncated or corrupt: "
                    + t.getMessage(), t);
        }
        return super.failure(e);
    }

    @Override
    public InputStream content() throws IOException {
        if (finished || closed || failed != null || current == null) {
            return InputStream.nullInputStream();
        }
        return new EntryContent(generation, current.sparse());
    }

    @Override
    public void close() throws IOException {
        closed = true;
        // content streams handed out before are dead now
        generation++;
        digest.stop();
        try {
            closeSparse();
        } finally {
            range.close();
        }
    }

    private void closeSparse() throws IOException {
        if (current != null && current.sparse() != null) {
            current.sparse().close();
        }
    }

    private void finish() throws IOException {
        Digest actual = digest.await();
        FileState now;
        try {
            now = FileState.of(range);
        } catch (IOException e) {
            // gone or unreadable at its path: it did change
            now = null;
        }
        if (!opened.equals(now)) {
            throw ImageException.inLayer(image, layer, null, "the archive changed while it was read: "
                    + range.file() + " no longer has the size and modification time it had");
        }
        if (!actual.equals(verification.expected())) {
            throw verification.mismatch(image, layer, actual);
        }
        finished = true;
    }

    /** The current entry's bytes, read where they lie; dead once next() moves on. */
    private final class EntryContent extends InputStream {
        private final int owner;
        private final TarArchiveInputStream sparse;

        EntryContent(int owner, TarArchiveInputStream sparse) {
            this.owner = owner;
            this.sparse = sparse;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (owner != generation) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            try {
                if (sparse != null) {
                    return sparse.read(b, off, len);
                }
                if (cursor >= end) {
                    return -1;
                }
                int n = range.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - cursor)), cursor);
                cursor += n;
                return n;
            } catch (IOException e) {
                throw fail(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            if (owner != generation || n <= 0) {
                return 0;
            }
            if (sparse != null) {
                try {
                    return sparse.skip(n);
                } catch (IOException e) {
                    throw fail(e);
                }
            }
            long step = Math.min(n, end - cursor);
            cursor += step;
            return step;
        }

        @Override
        public int available() throws IOException {
            if (owner != generation) {
                return 0;
            }
            return sparse != null ? sparse.available() : (int) Math.min(Integer.MAX_VALUE, end - cursor);
        }

        @Override
        public void close() {
            // the entry's bytes stay where they are; nothing to release
        }
    }
}
