package dev.plimsoll.vulndb;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.PackageKey;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a database file. Records may come in any order and from several threads; {@link #finish} sorts them,
 * writes the file to a temporary file beside the target and renames it over the target atomically, so readers see
 * the old database or the new one, never a half-written file. Closing without finishing leaves the target alone.
 * <p>
 * Records wait in a spill file beside the target (their encoded bytes) while only their positions stay in memory,
 * so a build of millions of records needs little heap.
 */
public final class VulnDbWriter implements AutoCloseable {
    private static final int DICTIONARY_SAMPLE = 2048;

    private final Path target;
    private final Path spillPath;
    private final OutputStream spill;
    private final SpillIndex<PackageKey> packages = new SpillIndex<>();
    private final SpillIndex<String> cves = new SpillIndex<>();
    private long spillSize;
    private boolean closed;

    private VulnDbWriter(Path target, Path spillPath, OutputStream spill) {
        this.target = target;
        this.spillPath = spillPath;
        this.spill = spill;
    }

    /** Starts a database that {@link #finish} will put at {@code target} (its directory must exist). */
    public static VulnDbWriter create(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException(target + ": the directory does not exist");
        }
        Path spillPath = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".spill");
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(spillPath, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), 1 << 16);
        return new VulnDbWriter(abs, spillPath, out);
    }

    public Path target() {
        return target;
    }

    /** Adds an advisory under its package key. Thread-safe. */
    public void add(Advisory advisory) {
        PackageKey key = advisory.pkg();
        if (key.distro().isPresent() && key.distro().get().contains(" ")) {
            // asText() separates with spaces: a distro with one would make two keys read alike.
            throw new IllegalArgumentException("distribution release with a space: '" + key.distro().get() + "'");
        }
        ByteSink sink = new ByteSink(512);
        RecordCodec.writeAdvisory(sink, advisory);
        String keyText = key.asText();
        synchronized (this) {
            long offset = append(sink);
            packages.add(keyText, key, offset, sink.size());
        }
    }

    /** Adds partial facts about a CVE; all partials of a CVE are merged when the file is written. Thread-safe. */
    public void add(CveFacts facts) {
        if (facts.cve().isBlank()) {
            throw new IllegalArgumentException("CVE facts without a CVE id");
        }
        ByteSink sink = new ByteSink(256);
        RecordCodec.writeCveFacts(sink, facts);
        synchronized (this) {
            long offset = append(sink);
            cves.add(facts.cve(), facts.cve(), offset, sink.size());
        }
    }

    private long append(ByteSink sink) {
        if (closed) {
            throw new IllegalStateException("writer for " + target + " is closed");
        }
        try {
            spill.write(sink.array(), 0, sink.size());
        } catch (IOException e) {
            throw new UncheckedIOException(spillPath + ": cannot write", e);
        }
        long offset = spillSize;
        spillSize += sink.size();
        return offset;
    }

    /**
     * Writes the database with this metadata and installs it at the target atomically. The writer is closed
     * afterwards, whatever happens.
     */
    public synchronized DbCounts finish(DbMetadata metadata) throws IOException {
        if (closed) {
            throw new IllegalStateException("writer for " + target + " is closed");
        }
        if (metadata.schemaVersion() != DbFormat.SCHEMA_VERSION) {
            throw new IllegalArgumentException("metadata says schema " + metadata.schemaVersion()
                    + ", this writer writes schema " + DbFormat.SCHEMA_VERSION);
        }
        Path tmp = null;
        try {
            spill.close();
            closed = true;
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            DbCounts counts;
            try (FileChannel spillChannel = FileChannel.open(spillPath, StandardOpenOption.READ);
                 FileBytes.Mapped spilled = FileBytes.Mapped.map(spillChannel, spillSize);
                 FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                counts = write(spilled, out, metadata);
                out.force(true);
            }
            readableByAll(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            syncDirectory(target.getParent());
            return counts;
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
            Files.deleteIfExists(spillPath);
        }
    }

    private DbCounts write(FileBytes spilled, FileChannel channel, DbMetadata metadata) throws IOException {
        ChunkPipeline.Output out = new ChunkPipeline.Output(
                new BufferedOutputStream(Channels.newOutputStream(channel.position(DbFormat.HEADER_SIZE)), 1 << 16),
                DbFormat.HEADER_SIZE);
        try (ChunkPipeline pipeline = new ChunkPipeline(out)) {
            SectionOutput pkg = writeSection(packages, (id, records) -> packageRecord(spilled, id, records),
                    pipeline, out);
            SectionOutput cve = writeSection(cves, (id, records) -> cveRecord(spilled, id, records), pipeline, out);

            ByteSink footer = new ByteSink(1 << 16);
            footer.varint(pkg.pages.keys());
            footer.varint(pkg.records);
            footer.varint(cve.pages.keys());
            ByteSink meta = new ByteSink(1024);
            RecordCodec.writeMetadata(meta, metadata);
            footer.varint(meta.size());
            footer.bytes(meta.array(), 0, meta.size());
            for (SectionOutput s : List.of(pkg, cve)) {
                footer.varint(s.dictionary.length);
                footer.bytes(s.dictionary);
                s.pages.writeTable(footer, s.pagesOffset);
            }
            long footerOffset = out.position();
            out.write(footer.array(), 0, footer.size());
            out.flush();
            long fileLength = out.position();

            ByteSink header = new ByteSink(DbFormat.HEADER_SIZE);
            header.bytes(DbFormat.MAGIC);
            header.u32(DbFormat.SCHEMA_VERSION);
            header.u32(0);
            header.u64(fileLength);
            header.u64(footerOffset);
            header.u32(footer.size());
            header.u32(DbFormat.crc(footer.array(), 0, footer.size()));
            while (header.size() < DbFormat.HEADER_SIZE - 4) {
                header.u8(0);
            }
            header.u32(DbFormat.crc(header.array(), 0, header.size()));
            ByteBuffer hb = ByteBuffer.wrap(header.array(), 0, header.size());
            while (hb.hasRemaining()) {
                channel.write(hb, hb.position());
            }
            return new DbCounts(pkg.pages.keys(), pkg.records, cve.pages.keys());
        }
    }

    /** The raw bytes of one key's record and how many advisories (or CVEs) it holds. */
    private record RawRecord(byte[] bytes, int length, long count) {
    }

    @FunctionalInterface
    private interface RecordMaker {
        RawRecord make(int keyId, int[] spilled) throws IOException;
    }

    private record SectionOutput(PageBuilder pages, byte[] dictionary, long pagesOffset, long records) {
    }

    private static <K> SectionOutput writeSection(SpillIndex<K> index, RecordMaker maker, ChunkPipeline pipeline,
                                                  ChunkPipeline.Output out) throws IOException {
        int[] order = index.sortedKeyIds();
        SpillIndex.Groups groups = index.groups();
        byte[] dictionary = dictionary(order, groups, maker);
        pipeline.beginSection(dictionary);
        long records = 0;
        for (int keyId : order) {
            RawRecord raw = maker.make(keyId, recordsOf(groups, keyId));
            pipeline.add(index.keyBytes(keyId), raw.bytes(), raw.length());
            records += raw.count();
        }
        PageBuilder pages = pipeline.endSection();
        ByteSink pageBytes = pages.finishPages();
        long pagesOffset = out.position();
        out.write(pageBytes.array(), 0, pageBytes.size());
        return new SectionOutput(pages, dictionary, pagesOffset, records);
    }

    private static int[] recordsOf(SpillIndex.Groups groups, int keyId) {
        return Arrays.copyOfRange(groups.records(), groups.start()[keyId], groups.start()[keyId + 1]);
    }

    /**
     * A preset dictionary from records spread evenly over the key space: what advisories have in common (feed
     * names, URL prefixes, CVSS vectors, range shapes) then costs a back-reference even in a chunk of one record.
     */
    private static byte[] dictionary(int[] order, SpillIndex.Groups groups, RecordMaker maker) throws IOException {
        if (order.length == 0) {
            return new byte[0];
        }
        int max = ChunkCodec.MAX_DICTIONARY;
        ByteSink dict = new ByteSink(max);
        int samples = Math.min(order.length, 64);
        for (int i = 0; i < samples && dict.size() < max; i++) {
            int keyId = order[(int) ((long) i * order.length / samples)];
            RawRecord raw = maker.make(keyId, recordsOf(groups, keyId));
            int take = Math.min(Math.min(raw.length(), DICTIONARY_SAMPLE), max - dict.size());
            dict.bytes(raw.bytes(), 0, take);
        }
        return dict.toByteArray();
    }

    private RawRecord packageRecord(FileBytes spilled, int keyId, int[] records) throws IOException {
        List<Encoded> encoded = new ArrayList<>(records.length);
        for (int r : records) {
            byte[] bytes = new byte[packages.length(r)];
            spilled.read(packages.offset(r), bytes, 0, bytes.length);
            String[] sourceAndId = RecordCodec.sourceAndId(bytes, 0, bytes.length);
            encoded.add(new Encoded(sourceAndId[0], sourceAndId[1], bytes));
        }
        encoded.sort(Encoded.ORDER);
        ByteSink block = new ByteSink(64 + encoded.stream().mapToInt(e -> e.bytes.length + 3).sum());
        RecordCodec.writeKey(block, packages.key(keyId));
        List<Encoded> distinct = new ArrayList<>(encoded.size());
        for (Encoded e : encoded) {
            if (distinct.isEmpty() || !Arrays.equals(distinct.getLast().bytes, e.bytes)) {
                distinct.add(e);
            }
        }
        block.varint(distinct.size());
        for (Encoded e : distinct) {
            block.varint(e.bytes.length);
            block.bytes(e.bytes);
        }
        return new RawRecord(block.array(), block.size(), distinct.size());
    }

    private RawRecord cveRecord(FileBytes spilled, int keyId, int[] records) throws IOException {
        List<byte[]> partials = new ArrayList<>(records.length);
        for (int r : records) {
            byte[] bytes = new byte[cves.length(r)];
            spilled.read(cves.offset(r), bytes, 0, bytes.length);
            partials.add(bytes);
        }
        // Canonical order first, so the merge ("first present wins") does not depend on feed timing.
        partials.sort(Arrays::compareUnsigned);
        List<CveFacts> facts = partials.stream().map(b -> RecordCodec.readCveFacts(new ByteSource(b))).toList();
        ByteSink block = new ByteSink(512);
        RecordCodec.writeCveFacts(block, CveFactsMerge.mergeAll(facts));
        return new RawRecord(block.array(), block.size(), 1);
    }

    private record Encoded(String source, String id, byte[] bytes) {
        static final Comparator<Encoded> ORDER = Comparator.comparing(Encoded::source)
                .thenComparing(Encoded::id)
                .thenComparing(Encoded::bytes, Arrays::compareUnsigned);
    }

    /** Without finish, discards everything; the target is not touched. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            try {
                spill.close();
            } finally {
                Files.deleteIfExists(spillPath);
            }
        }
    }

    /** Temporary files are created owner-only; the database is not secret, and a shared one must be readable. */
    static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Makes the rename durable where the platform allows syncing a directory (Linux, macOS); elsewhere a no-op. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself.
        }
    }
}
