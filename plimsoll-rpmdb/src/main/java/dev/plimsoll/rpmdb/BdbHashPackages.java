package dev.plimsoll.rpmdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The Berkeley DB hash database "Packages" of rpm &lt; 4.16: key = header instance (uint32 in the writing host's
 * byte order), value = header blob; key 0 holds bookkeeping, not a header.
 *
 * <p>Berkeley DB page layout (db_page.h), integers in the file's byte order, which the magic tells:
 * <pre>
 * metadata page 0  lsn(8) pgno(4) magic(4)=0x061561 version(4) pagesize(4) encrypt_alg(1) type(1)=8 metaflags(1)
 *                  unused(1) free(4) last_pgno(4) ...
 * any other page   lsn(8) pgno(4) prev_pgno(4) next_pgno(4) entries(2) hf_offset(2) level(1) type(1); with page
 *                  checksums (metaflags bit 0) 6 more bytes; then, on hash pages, an array of 2-byte item offsets
 * hash page        type 13 (P_HASH) or 2 (P_HASH_UNSORTED, before 4.6): items alternate key, data; each item is
 *                  packed from the page end downwards, so its length runs to the previous item's offset; first byte:
 *                  1 H_KEYDATA (bytes follow) or 3 H_OFFPAGE (3 unused bytes, first overflow pgno(4), length(4))
 * overflow page    type 7: hf_offset bytes of the value after the page header, next_pgno continues the chain
 * </pre>
 * Instead of walking the buckets through the hash's spares table, every page is visited in file order and the hash
 * pages among them are read: bucket and bucket-overflow pages alike, so nothing depends on the hash function, and
 * unused or freed pages are skipped by their type. Every loop is bounded by the page count, and each overflow page may
 * be read once in all, which stops cycles and chains that share pages.
 */
final class BdbHashPackages {
    static final int HASH_MAGIC = 0x061561;
    static final int BTREE_MAGIC = 0x053162;
    private static final int MIN_PAGE_BYTES = 512;
    private static final int MAX_PAGE_BYTES = 65536;
    private static final int PAGE_HEADER_BYTES = 26;
    private static final int CHECKSUM_BYTES = 6;
    private static final int META_FLAG_CHECKSUM = 0x01;
    private static final int P_HASH_UNSORTED = 2;
    private static final int P_OVERFLOW = 7;
    private static final int P_HASHMETA = 8;
    private static final int P_HASH = 13;
    private static final int H_KEYDATA = 1;
    private static final int H_OFFPAGE = 3;
    private static final int OFFPAGE_ITEM_BYTES = 12;

    private final FileChannel channel;
    private final RpmLimits limits;
    private final ByteOrder order;
    private final int pageBytes;
    /** Bytes before the item offset array or the overflow data: the page header, plus the checksum if any. */
    private final int overhead;
    private final long pageCount;
    private final BitSet overflowPagesRead = new BitSet();

    private BdbHashPackages(FileChannel channel, RpmLimits limits, ByteOrder order, int pageBytes, int overhead,
                            long pageCount) {
        this.channel = channel;
        this.limits = limits;
        this.order = order;
        this.pageBytes = pageBytes;
        this.overhead = overhead;
        this.pageCount = pageCount;
    }

    static void read(Path file, RpmLimits limits, HeaderSink sink) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < MIN_PAGE_BYTES) {
                throw new RpmDbException("Berkeley DB file of " + size + " bytes is smaller than one page");
            }
            ByteBuffer meta = FileReads.readFully(channel, 0, ByteBuffer.allocate(MIN_PAGE_BYTES), "metadata page");
            ByteOrder order = byteOrder(meta);
            meta.order(order);
            int pageBytes = meta.getInt(20);
            if (pageBytes < MIN_PAGE_BYTES || pageBytes > MAX_PAGE_BYTES || Integer.bitCount(pageBytes) != 1) {
                throw new RpmDbException("metadata page: page size " + Integer.toUnsignedString(pageBytes)
                    + " is not a power of two from 512 to 65536");
            }
            int encryption = meta.get(24) & 0xff;
            if (encryption != 0) {
                throw new RpmDbException("metadata page: database is encrypted (algorithm " + encryption + ")");
            }
            int type = meta.get(25) & 0xff;
            if (type != P_HASHMETA) {
                throw new RpmDbException("metadata page has page type " + type + ", not hash metadata (8)");
            }
            int overhead = (meta.get(26) & META_FLAG_CHECKSUM) != 0
                ? PAGE_HEADER_BYTES + CHECKSUM_BYTES : PAGE_HEADER_BYTES;
            long lastPage = meta.getInt(32) & 0xffff_ffffL;
            // Pages past the end of the file were never written (hash tables reserve bucket pages in groups).
            long pageCount = Math.min(lastPage + 1, size / pageBytes);
            if (pageCount > Integer.MAX_VALUE) {
                throw new RpmDbException("metadata page: " + pageCount + " pages are more than a reader can index");
            }
            new BdbHashPackages(channel, limits, order, pageBytes, overhead, pageCount).readPages(sink);
        }
    }

    /** The magic is stored in the byte order of the host that created the file. */
    private static ByteOrder byteOrder(ByteBuffer meta) throws RpmDbException {
        for (ByteOrder candidate : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            int magic = meta.order(candidate).getInt(12);
            if (magic == HASH_MAGIC) {
                return candidate;
            }
            if (magic == BTREE_MAGIC) {
                throw new RpmDbException("Berkeley DB btree, not the hash database rpm keeps headers in (an index"
                    + " such as Name or Basenames?)");
            }
        }
        throw new RpmDbException("metadata page lacks the Berkeley DB hash magic 0x061561 in either byte order");
    }

    private void readPages(HeaderSink sink) throws IOException {
        ByteBuffer page = ByteBuffer.allocate(pageBytes).order(order);
        Set<Long> keys = new HashSet<>();
        for (long p = 1; p < pageCount; p++) {
            FileReads.readFully(channel, p * pageBytes, page, "page " + p);
            int type = page.get(25) & 0xff;
            if (type == P_HASH || type == P_HASH_UNSORTED) {
                checkPageNumber(page, p, "hash page " + p);
                readHashPage(p, page, keys, sink);
            }
        }
    }

    private void readHashPage(long p, ByteBuffer page, Set<Long> keys, HeaderSink sink) throws IOException {
        int entries = page.getShort(20) & 0xffff;
        int itemsStart = overhead + 2 * entries;
        if (itemsStart > pageBytes) {
            throw new RpmDbException("hash page " + p + " claims " + entries + " items, more than fit in a page");
        }
        if (entries % 2 != 0) {
            throw new RpmDbException("hash page " + p + " has an odd number of items (" + entries
                + "), but hash pages hold key/data pairs");
        }
        int[] offsets = new int[entries];
        for (int i = 0; i < entries; i++) {
            int offset = page.getShort(overhead + 2 * i) & 0xffff;
            int end = i == 0 ? pageBytes : offsets[i - 1];
            if (offset < itemsStart || offset >= end) {
                throw new RpmDbException("hash page " + p + ": item " + i + " at offset " + offset
                    + " lies outside bytes " + itemsStart + " to " + end + " that the page layout leaves it");
            }
            offsets[i] = offset;
        }
        for (int i = 0; i < entries; i += 2) {
            int keyAt = offsets[i];
            int keyLength = (i == 0 ? pageBytes : offsets[i - 1]) - keyAt - 1;
            int keyType = page.get(keyAt) & 0xff;
            if (keyType != H_KEYDATA || keyLength != 4) {
                throw new RpmDbException("hash page " + p + ": item " + i + " is a key of type " + keyType + " and "
                    + keyLength + " bytes, but rpm's keys are 4-byte header numbers stored on the page");
            }
            long key = page.getInt(keyAt + 1) & 0xffff_ffffL;
            String where = "package key " + key + " (page " + p + ", item " + i + ")";
            if (key == 0) {
                continue;
            }
            if (!keys.add(key)) {
                throw new RpmDbException(where + ": key appears twice");
            }
            if (keys.size() > limits.maxPackages()) {
                throw new RpmDbException(where + ": database has more than " + limits.maxPackages()
                    + " packages (limit maxPackages)");
            }
            sink.accept(key, where, value(page, offsets[i + 1], offsets[i] - offsets[i + 1], where));
        }
    }

    /** Every page records its own number; a page that names another is misplaced or stale, as rpm also judges. */
    private static void checkPageNumber(ByteBuffer page, long p, String what) throws RpmDbException {
        long recorded = page.getInt(8) & 0xffff_ffffL;
        if (recorded != p) {
            throw new RpmDbException(what + " records page number " + recorded);
        }
    }

    private byte[] value(ByteBuffer page, int at, int itemBytes, String where) throws IOException {
        int type = page.get(at) & 0xff;
        if (type == H_KEYDATA) {
            int length = itemBytes - 1;
            if (length > limits.maxHeaderBytes()) {
                throw new RpmDbException(where + ": header blob of " + length + " bytes exceeds the limit of "
                    + limits.maxHeaderBytes());
            }
            byte[] value = new byte[length];
            page.get(at + 1, value);
            return value;
        }
        if (type != H_OFFPAGE || itemBytes < OFFPAGE_ITEM_BYTES) {
            throw new RpmDbException(where + ": data item of type " + type + " and " + itemBytes + " bytes is"
                + " neither on-page data (1) nor an overflow reference (3); rpm does not store duplicates");
        }
        long first = page.getInt(at + 4) & 0xffff_ffffL;
        long length = page.getInt(at + 8) & 0xffff_ffffL;
        if (length > limits.maxHeaderBytes()) {
            throw new RpmDbException(where + ": header blob of " + length + " bytes exceeds the limit of "
                + limits.maxHeaderBytes());
        }
        return overflowChain(first, (int) length, where);
    }

    private byte[] overflowChain(long first, int length, String where) throws IOException {
        byte[] value = new byte[length];
        ByteBuffer page = ByteBuffer.allocate(pageBytes).order(order);
        int filled = 0;
        long p = first;
        while (filled < length) {
            if (p < 1 || p >= pageCount) {
                throw new RpmDbException(where + ": overflow chain reaches page " + p + ", outside pages 1 to "
                    + (pageCount - 1) + ", after " + filled + " of " + length + " bytes");
            }
            if (overflowPagesRead.get((int) p)) {
                throw new RpmDbException(where + ": overflow chain reaches page " + p
                    + " a second time (a cycle, or chains sharing a page)");
            }
            overflowPagesRead.set((int) p);
            FileReads.readFully(channel, p * pageBytes, page, where + ", overflow page " + p);
            int type = page.get(25) & 0xff;
            if (type != P_OVERFLOW) {
                throw new RpmDbException(where + ": overflow chain reaches page " + p + " of type " + type
                    + ", not an overflow page (7)");
            }
            checkPageNumber(page, p, where + ", overflow page " + p);
            int bytes = page.getShort(22) & 0xffff;
            if (bytes > pageBytes - overhead || bytes > length - filled) {
                throw new RpmDbException(where + ": overflow page " + p + " claims " + bytes + " bytes; the page"
                    + " holds at most " + (pageBytes - overhead) + " and the value needs " + (length - filled)
                    + " more");
            }
            page.get(overhead, value, filled, bytes);
            filled += bytes;
            p = page.getInt(16) & 0xffff_ffffL;
        }
        return value;
    }
}
