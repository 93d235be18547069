package dev.plimsoll.image.archive;

import dev.plimsoll.image.ImageLimits;
import dev.plimsoll.image.blob.BlobSource;
import dev.plimsoll.image.blob.BytesBlob;
import dev.plimsoll.image.blob.Compression;
import dev.plimsoll.image.blob.LimitedInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A gzip- or zstd-compressed archive. Compressed streams have no random access, so: one pass indexes the
 * entries and keeps the small ones (JSON documents, tiny layers) in memory within a budget; any other entry is
 * read by decompressing the archive again from the start up to that entry. That costs CPU per layer opened but no
 * disk and no unbounded memory, and it stays correct for archives of any size.
 */
public final class RestreamedTar implements ArchiveEntries {
    private final Path file;
    private final Compression compression;
    private final long maxArchiveBytes;
    private final EntryTable table;
    private final Map<Integer, byte[]> cached;

    private RestreamedTar(Path file, Compression compression, long maxArchiveBytes, EntryTable table,
                          Map<Integer, byte[]> cached) {
        this.file = file;
        this.compression = compression;
        this.maxArchiveBytes = maxArchiveBytes;
        this.table = table;
        this.cached = cached;
    }

    static RestreamedTar open(Path file, Compression compression, ImageLimits limits) throws IOException {
        EntryTable table = new EntryTable();
        Map<Integer, byte[]> cached = new HashMap<>();
        long budget = 8 * limits.maxDocumentBytes();
        try (TarArchiveInputStream tar = stream(file, compression, limits.maxArchiveBytes())) {
            int ordinal = 0;
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                EntryTable.Kind kind = ArchiveEntries.kind(e);
                if (kind == EntryTable.Kind.FILE && e.getSize() <= limits.maxDocumentBytes() && e.getSize() <= budget) {
                    byte[] bytes = tar.readNBytes((int) e.getSize());
                    if (bytes.length != e.getSize()) {
                        throw new IOException("truncated archive: entry " + e.getName() + " is cut short");
                    }
                    cached.put(ordinal, bytes);
                    budget -= bytes.length;
                }
                table.add(new EntryTable.Entry(e.getName(), kind, e.getSize(), -1, ordinal++, e.getLinkName()));
            }
        }
        return new RestreamedTar(file, compression, limits.maxArchiveBytes(), table, cached);
    }

    private static TarArchiveInputStream stream(Path file, Compression compression, long maxArchiveBytes)
            throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            InputStream plain = compression.decompress(new BufferedInputStream(raw, Compression.BUFFER));
            return new TarArchiveInputStream(new LimitedInputStream(plain, maxArchiveBytes, "decompressed archive"),
                    StandardCharsets.UTF_8.name());
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
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
        return table.resolve(name).map(e -> {
            byte[] bytes = cached.get(e.ordinal());
            return bytes != null ? new BytesBlob(e.name(), bytes) : new Streamed(e.name(), e.size(), e.ordinal());
        });
    }

    @Override
    public void close() {
        // nothing is held open between reads
    }

    /** An entry reached by decompressing the archive again; the stream ends with the entry. */
    private final class Streamed implements BlobSource {
        private final String name;
        private final long size;
        private final int ordinal;

        Streamed(String name, long size, int ordinal) {
            this.name = name;
            this.size = size;
            this.ordinal = ordinal;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream open() throws IOException {
            TarArchiveInputStream tar = stream(file, compression, maxArchiveBytes);
            try {
                int i = 0;
                for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry(), i++) {
                    if (i == ordinal) {
                        return tar;
                    }
                }
                throw new IOException("archive changed while reading: entry " + name + " is gone");
            } catch (IOException | RuntimeException e) {
                tar.close();
                throw e;
            }
        }
    }
}
