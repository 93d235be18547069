package dev.plimsoll.image.layer;

import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.RawEntry;
import dev.plimsoll.image.ImageLimits;
import dev.plimsoll.image.blob.Compression;
import dev.plimsoll.image.blob.DigestingInputStream;
import dev.plimsoll.image.blob.LimitedInputStream;
import dev.plimsoll.image.blob.LimitedInputStream.LimitExceededException;
import dev.plimsoll.image.blob.RandomAccessBlob;
import dev.plimsoll.image.blob.ReadAheadDigestStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Streams the entries of one layer tar, verifying as it goes. The stream stack, bottom up: the stored bytes, read
 * ahead and digested on their own thread; decompressor (by magic bytes); size limit; [digest of the decompressed
 * tar, when the expected digest is a diff id and the layer is compressed]; tar reader. At the end of the tar the
 * rest of the blob is drained, so the digest covers every byte it vouches for, then compared.
 * <p>
 * {@link #open} hands an uncompressed layer that lies in place in a file to {@link SeekingLayerReader} instead,
 * which need not read the content it skips.
 */
public final class TarLayerReader extends GuardedLayerReader {
    private final ReadAheadDigestStream stored;
    private final InputStream tarBytes;
    private final DigestingInputStream tarDigest;
    private final Verification verification;
    private final TarArchiveInputStream tar;

    /**
     * @param stored    the stored bytes, digested as they are read
     * @param tarBytes  the tar stream
     * @param tarDigest the digest of the decompressed tar, when that is what the verification names
     */
    private TarLayerReader(String image, String layer, ReadAheadDigestStream stored, InputStream tarBytes,
                           DigestingInputStream tarDigest, Verification verification, long maxEntries) {
        super(image, layer, maxEntries);
        this.stored = stored;
        this.tarBytes = tarBytes;
        this.tarDigest = tarDigest;
        this.verification = verification;
        this.tar = new TarArchiveInputStream(tarBytes, StandardCharsets.UTF_8.name());
    }

    /**
     * Opens a layer blob.
     *
     * @param image  image name for messages
     * @param layer  layer id for messages
     * @param limits bounds on the decompressed tar and its entries
     */
    public static LayerReader open(String image, String layer, LayerBlob blob, ImageLimits limits)
            throws IOException {
        if (blob.source() instanceof RandomAccessBlob inPlace) {
            Optional<LayerReader> seeking = SeekingLayerReader.openIfUncompressed(image, layer, inPlace,
                    blob.verification(), limits);
            if (seeking.isPresent()) {
                return seeking.get();
            }
        }
        long maxLayerBytes = limits.maxLayerBytes();
        Verification v = blob.verification();
        ReadAheadDigestStream stored = new ReadAheadDigestStream(blob.source(), v.expected());
        try {
            PushbackInputStream sniffing = new PushbackInputStream(stored, 4);
            Compression compression = Compression.sniff(sniffing);
            InputStream tarBytes = new LimitedInputStream(compression.decompress(sniffing), maxLayerBytes,
                    "decompressed layer");
            DigestingInputStream tarDigest = null;
            // an uncompressed layer's stored bytes are its tar: the stored digest serves for a diff id too
            if (v.stage() == Verification.Stage.UNCOMPRESSED && compression != Compression.NONE) {
                tarDigest = new DigestingInputStream(tarBytes, v.expected());
                // the tar reader asks for 512-byte records: buffer above the digest so it sees large chunks
                tarBytes = new BufferedInputStream(tarDigest, Compression.BUFFER);
            }
            return new TarLayerReader(image, layer, stored, tarBytes, tarDigest, v, limits.maxLayerEntries());
        } catch (IOException e) {
            stored.close();
            // a gzip header cut short fails already here
            throw failure(image, layer, null, e);
        } catch (RuntimeException e) {
            stored.close();
            throw e;
        }
    }

    @Override
    protected RawEntry advance() throws IOException {
        TarArchiveEntry e = tar.getNextEntry();
        if (e == null) {
            finish();
            return null;
        }
        return rawEntry(e);
    }

    static RawEntry rawEntry(TarArchiveEntry e) {
        FileType type = type(e);
        long size = type == FileType.REGULAR ? e.getRealSize() : 0;
        String link = e.getLinkName();
        return new RawEntry(e.getName(), type, e.getMode() & 07777, e.getLongUserId(), e.getLongGroupId(), size,
                link == null || link.isEmpty() ? Optional.empty() : Optional.of(link));
    }

    @Override
    public InputStream content() {
        if (finished || closed || lastEntry == null) {
            return InputStream.nullInputStream();
        }
        return new EntryContent(generation);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        // content streams handed out before are dead now
        generation++;
        // closing the top closes the whole stack, decompressors' native buffers included
        tar.close();
    }

    private void finish() throws IOException {
        // tar padding, trailing zero blocks and anything after them belong to the blob and to its digest
        tarBytes.skip(Long.MAX_VALUE);
        stored.drain();
        finished = true;
        Digest actual = tarDigest != null ? tarDigest.result() : stored.result();
        if (!actual.equals(verification.expected())) {
            throw verification.mismatch(image, layer, actual);
        }
    }

    static FileType type(TarArchiveEntry e) {
        return switch (e.getLinkFlag()) {
            case TarConstants.LF_SYMLINK -> FileType.SYMLINK;
            case TarConstants.LF_LINK -> FileType.HARDLINK;
            case TarConstants.LF_CHR -> FileType.CHAR_DEVICE;
            case TarConstants.LF_BLK -> FileType.BLOCK_DEVICE;
            case TarConstants.LF_FIFO -> FileType.FIFO;
            case TarConstants.LF_DIR -> FileType.DIRECTORY;
            case TarConstants.LF_NORMAL, TarConstants.LF_OLDNORM, TarConstants.LF_CONTIG,
                 TarConstants.LF_GNUTYPE_SPARSE -> e.isDirectory() ? FileType.DIRECTORY : FileType.REGULAR;
            default -> FileType.OTHER;
        };
    }

    static ImageException failure(String image, String layer, String lastEntry, IOException e) {
        if (e instanceof LimitExceededException) {
            return new ImageException(image, layer, null, e.getMessage(), e);
        }
        String after = lastEntry == null ? "" : " (last entry read: " + lastEntry + ")";
        return new ImageException(image, layer, null,
                "layer blob is truncated or corrupt" + after + ": " + describe(e), e);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }

    /** The current entry's bytes; dead once next() moves on, and corrupt data is an ImageException. */
    private final class EntryContent extends InputStream {
        private final int owner;

        EntryContent(int owner) {
            this.owner = owner;
        }

        @Override
        public int read() throws IOException {
            if (owner != generation) {
                return -1;
            }
            try {
                return tar.read();
            } catch (IOException e) {
                throw fail(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (owner != generation) {
                return -1;
            }
            try {
                return tar.read(b, off, len);
            } catch (IOException e) {
                throw fail(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            if (owner != generation) {
                return 0;
            }
            try {
                return tar.skip(n);
            } catch (IOException e) {
                throw fail(e);
            }
        }

        @Override
        public int available() throws IOException {
            return owner != generation ? 0 : tar.available();
        }

        @Override
        public void close() {
            // the entry's remaining bytes are skipped (and digested) by the next call to next()
        }
    }
}
