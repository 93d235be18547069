package dev.plimsoll.image.archive;

import dev.plimsoll.image.blob.BlobSource;
import dev.plimsoll.image.blob.FileRange;
import dev.plimsoll.image.blob.RandomAccessBlob;
import dev.plimsoll.image.blob.RangeInputStream;
import dev.plimsoll.image.layer.TarHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * An uncompressed archive: commons-compress {@link TarFile} reads only the headers (it seeks past data, and
 * handles PAX and GNU long names), and each entry is then a byte range of one shared channel read positionally.
 * No copies, no temporary files; entries can be read in any order and from several threads.
 */
public final class RandomAccessTar implements ArchiveEntries {
    private final Path file;
    private final EntryTable table;
    private final FileChannel channel;

    private RandomAccessTar(Path file, EntryTable table, FileChannel channel) {
        this.file = file;
        this.table = table;
        this.channel = channel;
    }

    /** Docker and OCI archives hold a few entries per layer; far more means a hostile archive, not an image. */
    static final int MAX_ENTRIES = 100_000;

    static RandomAccessTar open(Path file) throws IOException {
        return open(file, MAX_ENTRIES);
    }

    static RandomAccessTar open(Path file, int maxEntries) throws IOException {
        countEntries(file, maxEntries);
        EntryTable table = new EntryTable();
        try (TarFile tar = new TarFile(file, StandardCharsets.UTF_8.name())) {
            int ordinal = 0;
            for (TarArchiveEntry e : tar.getEntries()) {
                table.add(new EntryTable.Entry(e.getName(), ArchiveEntries.kind(e), e.getSize(), e.getDataOffset(),
                        ordinal++, e.getLinkName()));
            }
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long length = channel.size();
            for (EntryTable.Entry e : table.entries()) {
                if (e.kind() == EntryTable.Kind.FILE && e.offset() + e.size() > length) {
                    throw new IOException("truncated archive: entry " + e.name() + " ends past the end of the file");
                }
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new RandomAccessTar(file, table, channel);
    }

    /**
     * TarFile keeps every header it reads and has no bound of its own, so the headers are first walked with a
     * fixed-size window, seeking past the data, and an archive with too many entries is refused before that.
     */
    private static void countEntries(Path file, int maxEntries) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             FileRange range = new FileRange(channel, false, file, 0, channel.size())) {
            TarHeaders headers = new TarHeaders(range);
            long count = 0;
            for (TarHeaders.Header h = headers.next(); h != null; h = headers.next()) {
                if (h.sparse() != null) {
                    h.sparse().close();
                }
                if (++count > maxEntries) {
                    throw new IOException("more than " + maxEntries + " entries in the archive: not an image archive");
                }
            }
        }
    }

    @Override
    public List<String> names() {
        return table.names();
    }

    @Override
    public boolean contains(String name) {
        return table.resolve(name).isPresent();
    }

    @Override
    public Optional<BlobSource> find(String name) {
        return table.resolve(name).map(e -> new Range(e.name(), file, channel, e.offset(), e.size()));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** One entry's bytes in place. */
    private record Range(String name, Path file, FileChannel channel, long offset, long size)
            implements RandomAccessBlob {
        @Override
        public InputStream open() {
            return new RangeInputStream(channel, offset, size, false);
        }

        @Override
        public FileRange openRange() {
            return new FileRange(channel, false, file, offset, size);
        }
    }
}
