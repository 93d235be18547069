package dev.plimsoll.image.archive;

import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.image.ImageLimits;
import dev.plimsoll.image.blob.BlobSource;
import dev.plimsoll.image.blob.Compression;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The files of an image archive (docker-archive or oci-archive), by name. A plain tar is indexed once and its
 * entries are read in place; a compressed one cannot be read at random and is streamed again per entry.
 */
public sealed interface ArchiveEntries extends Closeable permits RandomAccessTar, RestreamedTar {

    /** Normalised names of the entries. */
    List<String> names();

    /** Whether a regular file of this name exists (after following links inside the archive). */
    boolean contains(String name);

    /** The bytes of a regular file in the archive. */
    Optional<BlobSource> find(String name);

    /**
     * Indexes an archive, choosing the strategy by the file's magic bytes (never its extension).
     *
     * @param image the image name for messages
     */
    static ArchiveEntries open(Path file, String image, ImageLimits limits) {
        try {
            byte[] head = new byte[6];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            }
            if (n == 0) {
                throw new ImageException(image, "the archive is empty");
            }
            rejectUnsupported(image, head, n);
            Compression compression = Compression.detect(head, n);
            ArchiveEntries entries = compression == Compression.NONE
                    ? RandomAccessTar.open(file)
                    : RestreamedTar.open(file, compression, limits);
            if (entries.names().isEmpty()) {
                entries.close();
                throw new ImageException(image, "not a tar archive, or an empty one");
            }
            return entries;
        } catch (IOException e) {
            throw new ImageException(image, "cannot read the archive: " + e.getMessage(), e);
        }
    }

    private static void rejectUnsupported(String image, byte[] head, int n) {
        boolean xz = n >= 6 && (head[0] & 0xff) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X'
                && head[4] == 'Z' && head[5] == 0;
        boolean bzip2 = n >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h';
        if (xz || bzip2) {
            throw new ImageException(image, (xz ? "xz" : "bzip2")
                    + "-compressed archives are not supported: use an uncompressed, gzip or zstd archive");
        }
    }

    /** Classifies a tar entry for the table. */
    static EntryTable.Kind kind(TarArchiveEntry e) {
        if (e.isSymbolicLink()) {
            return EntryTable.Kind.SYMLINK;
        }
        if (e.isLink()) {
            return EntryTable.Kind.HARDLINK;
        }
        byte flag = e.getLinkFlag();
        boolean plain = flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM
                || flag == TarConstants.LF_CONTIG;
        // sparse entries have holes that an in-place range cannot reproduce; image archives never use them
        return plain && !e.isDirectory() && !e.isSparse() ? EntryTable.Kind.FILE : EntryTable.Kind.OTHER;
    }
}
