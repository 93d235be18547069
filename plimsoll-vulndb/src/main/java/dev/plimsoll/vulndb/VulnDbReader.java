package dev.plimsoll.vulndb;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.PackageKey;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a database file written by {@link VulnDbWriter}. Opening checks the header and footer only, so it costs the
 * same for any size of database; each page and block is checked against its CRC when read. Thread-safe: no state
 * changes after opening except the closed flag.
 */
public final class VulnDbReader implements VulnDb {
    private static final String REPLACE_HINT = "; run `plimsoll db update` (or `plimsoll db build`) to replace it";

    private final Path file;
    private final FileBytes bytes;
    private final long footerOffset;
    private final DbMetadata metadata;
    private final DbCounts counts;
    private final Section packages;
    private final Section cves;
    private volatile boolean closed;

    /** One section's dictionary and page table; the table and first keys stay in the footer array. */
    private record Section(byte[] dictionary, byte[] footer, int pageCount, int tableStart, int keysStart,
                           int keysLength) {
    }

    /** Where one key's record is: a chunk of the file, and a slice of that chunk's raw bytes. */
    private record RecordRef(long chunkOffset, int chunkLength, int chunkCrc, int rawOffset, int rawLength) {
    }

    private VulnDbReader(Path file, FileBytes bytes, long footerOffset, DbMetadata metadata, DbCounts counts,
                         Section packages, Section cves) {
        this.file = file;
        this.bytes = bytes;
        this.footerOffset = footerOffset;
        this.metadata = metadata;
        this.counts = counts;
        this.packages = packages;
        this.cves = cves;
    }

    /**
     * Opens a database; throws {@link VulnDbException} naming the file when it is missing, of another schema,
     * truncated or damaged. Reads are positional ({@code pread}): measured as fast as memory mapping for a scan's
     * lookups (VulnDbBench), quicker to open in a fresh JVM, and, unlike a mapping, released on close, so that an
     * update can rename a new file over this one on every platform while a long-running reader has it open.
     */
    public static VulnDbReader open(Path file) {
        return open(file, false);
    }

    /** Opens a database read through memory mapping ({@code mapped}) or positional reads. */
    static VulnDbReader open(Path file, boolean mapped) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new VulnDbException(file, "no vulnerability database here; run `plimsoll db update` (or "
                    + "`plimsoll db build`) to create it");
        } catch (IOException e) {
            throw new VulnDbException(file, "cannot open: " + e.getMessage(), e);
        }
        try {
            long size = channel.size();
            FileBytes.Positional positional = new FileBytes.Positional(channel);
            byte[] header = new byte[DbFormat.HEADER_SIZE];
            if (size < DbFormat.HEADER_SIZE) {
                throw new VulnDbException(file, "not a Plimsoll vulnerability database (only " + size + " bytes)"
                        + REPLACE_HINT);
            }
            positional.read(0, header, 0, header.length);
            ByteSource h = new ByteSource(header);
            checkMagic(file, header);
            h.skip(DbFormat.MAGIC.length);
            int schema = h.u32();
            if (schema != DbFormat.SCHEMA_VERSION) {
                throw new VulnDbException(file, "database schema " + schema + ", but this Plimsoll reads schema "
                        + DbFormat.SCHEMA_VERSION + (schema > DbFormat.SCHEMA_VERSION
                        ? " (the file was written by a newer Plimsoll); upgrade Plimsoll or run `plimsoll db update`"
                        : " (the file was written by an older Plimsoll); run `plimsoll db update`"));
            }
            if (DbFormat.crc(header, 0, DbFormat.HEADER_SIZE - 4)
                    != new ByteSource(header, DbFormat.HEADER_SIZE - 4, 4).u32()) {
                throw new VulnDbException(file, "corrupt header (checksum mismatch)" + REPLACE_HINT);
            }
            h.u32();
            long fileLength = h.u64();
            long footerOffset = h.u64();
            int footerLength = h.u32();
            int footerCrc = h.u32();
            if (size != fileLength) {
                throw new VulnDbException(file, (size < fileLength ? "truncated" : "has trailing bytes") + ": "
                        + size + " bytes, the header says " + fileLength + REPLACE_HINT);
            }
            if (footerLength < 0 || footerLength > DbFormat.MAX_FOOTER || footerOffset < DbFormat.HEADER_SIZE
                    || footerOffset + footerLength != fileLength) {
                throw new VulnDbException(file, "corrupt header (footer out of place)" + REPLACE_HINT);
            }
            byte[] footer = new byte[footerLength];
            positional.read(footerOffset, footer, 0, footerLength);
            if (DbFormat.crc(footer, 0, footerLength) != footerCrc) {
                throw new VulnDbException(file, "corrupt index (checksum mismatch)" + REPLACE_HINT);
            }
            ByteSource f = new ByteSource(footer);
            long packageCount = f.varint();
            long advisoryCount = f.varint();
            long cveCount = f.varint();
            int metaLength = f.count();
            DbMetadata metadata = RecordCodec.readMetadata(new ByteSource(footer, f.position(), metaLength));
            f.skip(metaLength);
            Section packages = readSection(f, footer);
            Section cves = readSection(f, footer);
            if (!f.atEnd()) {
                throw new CorruptDataException("footer has trailing bytes");
            }
            FileBytes access = mapped ? FileBytes.Mapped.map(channel, size) : positional;
            if (mapped) {
                channel.close();   // the mapping outlives the channel
            }
            return new VulnDbReader(file, access, footerOffset, metadata,
                    new DbCounts(packageCount, advisoryCount, cveCount), packages, cves);
        } catch (VulnDbException e) {
            closeQuietly(channel);
            throw e;
        } catch (CorruptDataException e) {
            closeQuietly(channel);
            throw new VulnDbException(file, "corrupt index: " + e.getMessage() + REPLACE_HINT, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new VulnDbException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static void checkMagic(Path file, byte[] header) {
        if (!Arrays.equals(header, 0, DbFormat.MAGIC.length, DbFormat.MAGIC, 0, DbFormat.MAGIC.length)) {
            String start = new String(header, 0, 16, StandardCharsets.ISO_8859_1);
            throw new VulnDbException(file, "not a Plimsoll vulnerability database"
                    + (start.startsWith("SQLite format 3") ? " (it is an SQLite database)" : "") + REPLACE_HINT);
        }
    }

    private static Section readSection(ByteSource f, byte[] footer) {
        int dictLength = f.count();
        byte[] dictionary = Arrays.copyOfRange(footer, f.position(), f.position() + dictLength);
        f.skip(dictLength);
        int pageCount = f.count();
        int tableStart = f.position();
        f.skip(Math.multiplyExact(pageCount, DbFormat.TOP_ENTRY_SIZE));
        int keysLength = f.count();
        int keysStart = f.position();
        f.skip(keysLength);
        return new Section(dictionary, footer, pageCount, tableStart, keysStart, keysLength);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing with a better message
        }
    }

    public Path file() {
        return file;
    }

    public DbCounts counts() {
        return counts;
    }

    @Override
    public DbMetadata metadata() {
        return metadata;
    }

    @Override
    public List<Advisory> find(PackageKey key) {
        byte[] keyBytes = DbFormat.utf8(key.asText());
        return guarded("package " + key.asText(), () -> {
            Optional<RecordRef> ref = locate(packages, keyBytes);
            if (ref.isEmpty()) {
                return List.of();
            }
            ByteSource in = new ByteSource(readRecord(packages, ref.get()));
            PackageKey stored = RecordCodec.readKey(in);
            if (!stored.equals(key)) {
                throw new CorruptDataException("block of " + stored.asText() + " filed under " + key.asText());
            }
            return readAdvisories(in, stored);
        });
    }

    @Override
    public Optional<CveFacts> cveFacts(String cveId) {
        byte[] keyBytes = DbFormat.utf8(cveId);
        return guarded("CVE " + cveId, () -> {
            Optional<RecordRef> ref = locate(cves, keyBytes);
            if (ref.isEmpty()) {
                return Optional.empty();
            }
            ByteSource in = new ByteSource(readRecord(cves, ref.get()));
            CveFacts facts = RecordCodec.readCveFacts(in);
            if (!facts.cve().equals(cveId) || !in.atEnd()) {
                throw new CorruptDataException("facts of " + facts.cve() + " filed under " + cveId);
            }
            return Optional.of(facts);
        });
    }

    private static List<Advisory> readAdvisories(ByteSource in, PackageKey key) {
        int n = in.count();
        List<Advisory> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int len = in.count();
            int start = in.position();
            ByteSource one = new ByteSource(in.array(), start, len);
            out.add(RecordCodec.readAdvisory(one, key));
            if (!one.atEnd()) {
                throw new CorruptDataException("advisory has trailing bytes");
            }
            in.skip(len);
        }
        if (!in.atEnd()) {
            throw new CorruptDataException("block has trailing bytes");
        }
        return List.copyOf(out);
    }

    /**
     * Reads every page and block, checks every checksum and decodes every record: what {@code db info --verify}
     * and an import run before trusting a file. Returns what it counted, which must match the footer.
     */
    public DbCounts verify() {
        return guarded("verification", () -> {
            long[] pkgCounts = walk(packages, true);
            long[] cveCounts = walk(cves, false);
            DbCounts found = new DbCounts(pkgCounts[0], pkgCounts[1], cveCounts[0]);
            if (!found.equals(counts)) {
                throw new CorruptDataException("holds " + found + " but its index says " + counts);
            }
            return found;
        });
    }

    /** Keys and records of one section, walking pages in order and checking that keys ascend. */
    private long[] walk(Section s, boolean advisories) throws IOException {
        long keys = 0;
        long records = 0;
        byte[] previous = null;
        long chunkAt = -1;
        byte[] chunkRaw = null;
        for (int p = 0; p < s.pageCount(); p++) {
            for (PageEntry e : readPage(s, p)) {
                if (previous != null && Arrays.compareUnsigned(previous, e.key()) >= 0) {
                    throw new CorruptDataException("keys out of order at " + text(e.key()));
                }
                previous = e.key();
                RecordRef ref = e.block();
                if (ref.chunkOffset() != chunkAt) {
                    chunkRaw = readChunk(s, ref, -1);   // whole, so its exact length is checked too
                    chunkAt = ref.chunkOffset();
                }
                if (ref.rawOffset() + ref.rawLength() > chunkRaw.length) {
                    throw new CorruptDataException("record of " + text(e.key()) + " beyond its chunk");
                }
                ByteSource in = new ByteSource(chunkRaw, ref.rawOffset(), ref.rawLength());
                if (advisories) {
                    PackageKey key = RecordCodec.readKey(in);
                    if (!Arrays.equals(DbFormat.utf8(key.asText()), e.key())) {
                        throw new CorruptDataException("record of " + key.asText() + " filed under " + text(e.key()));
                    }
                    records += readAdvisories(in, key).size();
                } else {
                    CveFacts facts = RecordCodec.readCveFacts(in);
                    if (!Arrays.equals(DbFormat.utf8(facts.cve()), e.key()) || !in.atEnd()) {
                        throw new CorruptDataException("facts of " + facts.cve() + " filed under " + text(e.key()));
                    }
                    records++;
                }
                keys++;
            }
        }
        return new long[] {keys, records};
    }

    /** Raw blocks of a section in key order, for tools that copy the data elsewhere (the SQLite comparison). */
    void forEachRawBlock(boolean packageSection, RawBlockVisitor visitor) {
        Section s = packageSection ? packages : cves;
        guarded("iteration", () -> {
            for (int p = 0; p < s.pageCount(); p++) {
                for (PageEntry e : readPage(s, p)) {
                    visitor.visit(text(e.key()), readRecord(s, e.block()));
                }
            }
            return null;
        });
    }

    @FunctionalInterface
    interface RawBlockVisitor {
        void visit(String key, byte[] raw) throws IOException;
    }

    private static String text(byte[] key) {
        return new String(key, StandardCharsets.UTF_8);
    }

    // ---- lookup -------------------------------------------------------------------------------------------------

    private record PageEntry(byte[] key, RecordRef block) {
    }

    /** The last page whose first key is at or before {@code key}, then a scan of that page. */
    private Optional<RecordRef> locate(Section s, byte[] key) throws IOException {
        int lo = 0;
        int hi = s.pageCount() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareFirstKey(s, mid, key);
            if (c <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return Optional.empty();
        }
        return scanPage(s, found, key);
    }

    private static int compareFirstKey(Section s, int page, byte[] key) {
        ByteSource t = new ByteSource(s.footer(), s.tableStart() + page * DbFormat.TOP_ENTRY_SIZE,
                DbFormat.TOP_ENTRY_SIZE);
        int off = t.u32();
        int len = t.u32();
        if (off < 0 || len < 0 || (long) off + len > s.keysLength()) {
            throw new CorruptDataException("page table key out of range");
        }
        int from = s.keysStart() + off;
        return Arrays.compareUnsigned(s.footer(), from, from + len, key, 0, key.length);
    }

    private Optional<RecordRef> scanPage(Section s, int page, byte[] key) throws IOException {
        PageReader r = pageReader(s, page);
        while (r.next()) {
            int c = Arrays.compareUnsigned(r.key, 0, r.keyLength, key, 0, key.length);
            if (c == 0) {
                return Optional.of(r.block());
            }
            if (c > 0) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private List<PageEntry> readPage(Section s, int page) throws IOException {
        PageReader r = pageReader(s, page);
        List<PageEntry> out = new ArrayList<>();
        while (r.next()) {
            out.add(new PageEntry(Arrays.copyOf(r.key, r.keyLength), r.block()));
        }
        return out;
    }

    private PageReader pageReader(Section s, int page) throws IOException {
        ByteSource t = new ByteSource(s.footer(), s.tableStart() + page * DbFormat.TOP_ENTRY_SIZE + 8, 12);
        long offset = t.u64();
        int length = t.u32();
        if (length < 5 || length > DbFormat.MAX_PAGE || offset < DbFormat.HEADER_SIZE
                || offset + length > footerOffset) {
            throw new CorruptDataException("page " + page + " out of range");
        }
        byte[] buf = new byte[length];
        bytes.read(offset, buf, 0, length);
        if (DbFormat.crc(buf, 0, length - 4) != new ByteSource(buf, length - 4, 4).u32()) {
            throw new CorruptDataException("page at " + offset + " fails its checksum");
        }
        return new PageReader(new ByteSource(buf, 0, length - 4));
    }

    /** Walks a page's prefix-compressed entries, rebuilding each key and where its record is. */
    private final class PageReader {
        private final ByteSource in;
        private final int entries;
        private final long firstChunk;
        private int read;
        private byte[] key = new byte[64];
        private int keyLength;
        private long chunkOffset = -1;
        private int chunkLength;
        private int chunkCrc;
        private int rawOffset;
        private int rawLength;

        PageReader(ByteSource in) {
            this.in = in;
            this.entries = in.count();
            this.firstChunk = in.u64();
        }

        boolean next() {
            if (read == entries) {
                if (!in.atEnd()) {
                    throw new CorruptDataException("page has trailing bytes");
                }
                return false;
            }
            long shared = in.varint();
            int suffix = in.count();
            if (shared > keyLength) {
                throw new CorruptDataException("page key shares more than the previous key has");
            }
            int length = (int) shared + suffix;
            if (length > key.length) {
                key = Arrays.copyOf(key, length);
            }
            System.arraycopy(in.array(), in.position(), key, (int) shared, suffix);
            in.skip(suffix);
            keyLength = length;
            boolean newChunk = in.bool();
            if (newChunk) {
                chunkOffset = chunkOffset < 0 ? firstChunk : chunkOffset + chunkLength;
                long len = in.varint();
                if (len < 2 || len > DbFormat.MAX_CHUNK_RAW + 64L) {
                    throw new CorruptDataException("chunk length " + len + " out of range");
                }
                chunkLength = (int) len;
                chunkCrc = in.u32();
                if (chunkOffset < DbFormat.HEADER_SIZE || chunkOffset + chunkLength > footerOffset) {
                    throw new CorruptDataException("chunk at " + chunkOffset + " out of range");
                }
            } else if (chunkOffset < 0) {
                throw new CorruptDataException("page starts inside a chunk");
            }
            long offset = in.varint();
            long rawLen = in.varint();
            if (offset + rawLen > DbFormat.MAX_CHUNK_RAW) {
                throw new CorruptDataException("record out of range");
            }
            rawOffset = (int) offset;
            rawLength = (int) rawLen;
            read++;
            return true;
        }

        RecordRef block() {
            return new RecordRef(chunkOffset, chunkLength, chunkCrc, rawOffset, rawLength);
        }
    }

    /** One key's record: its chunk read and checked, then inflated up to the record's end. */
    private byte[] readRecord(Section s, RecordRef ref) throws IOException {
        int end = ref.rawOffset() + ref.rawLength();
        return Arrays.copyOfRange(readChunk(s, ref, end), ref.rawOffset(), end);
    }

    private byte[] readChunk(Section s, RecordRef ref, int upTo) throws IOException {
        byte[] chunk = new byte[ref.chunkLength()];
        bytes.read(ref.chunkOffset(), chunk, 0, chunk.length);
        if (DbFormat.crc(chunk, 0, chunk.length) != ref.chunkCrc()) {
            throw new CorruptDataException("chunk at " + ref.chunkOffset() + " fails its checksum");
        }
        return ChunkCodec.decode(chunk, s.dictionary(), upTo);
    }

    // ---- errors and lifecycle -----------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Read<T> {
        T run() throws IOException;
    }

    private <T> T guarded(String what, Read<T> read) {
        if (closed) {
            throw new IllegalStateException(file + ": database is closed");
        }
        try {
            return read.run();
        } catch (CorruptDataException e) {
            throw new VulnDbException(file, "corrupt data (" + what + "): " + e.getMessage() + REPLACE_HINT, e);
        } catch (IOException e) {
            throw new VulnDbException(file, "cannot read (" + what + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            bytes.close();
        } catch (IOException ignored) {
            // a read-only file: nothing was pending
        }
    }
}
