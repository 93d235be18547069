package dev.plimsoll.vulndb;

import java.util.Arrays;

/** Builds one section's index pages and the footer's page table as the writer emits blocks in key order. */
final class PageBuilder {
    private final ByteSink pages = new ByteSink(64 * 1024);
    private final ByteSink table = new ByteSink(4096);
    private final ByteSink firstKeys = new ByteSink(4096);
    private final ByteSink page = new ByteSink(4096);
    private int pageCount;
    private int entries;
    private byte[] previousKey;
    private long keys;
    private long currentChunk = -1;

    /** Records the key of a record at {@code rawOffset} in the chunk at {@code chunkOffset}. */
    void add(byte[] key, long chunkOffset, int chunkLength, int chunkCrc, int rawOffset, int rawLength) {
        if (previousKey != null && Arrays.compareUnsigned(previousKey, key) >= 0) {
            throw new IllegalStateException("keys out of order");
        }
        boolean newChunk = entries == 0 || chunkOffset != currentChunk;
        if (entries == 0) {
            page.reset();
            page.u64(chunkOffset);
            table.u32(firstKeys.size());
            table.u32(key.length);
            table.u64(pages.size());
            firstKeys.bytes(key);
            previousKey = null;
        }
        int shared = previousKey == null ? 0 : Arrays.mismatch(previousKey, key);
        if (shared < 0) {
            shared = key.length;
        }
        page.varint(shared);
        page.varint(key.length - shared);
        page.bytes(key, shared, key.length - shared);
        page.bool(newChunk);
        if (newChunk) {
            page.varint(chunkLength);
            page.u32(chunkCrc);
            currentChunk = chunkOffset;
        }
        page.varint(rawOffset);
        page.varint(rawLength);
        previousKey = key;
        keys++;
        if (++entries == DbFormat.PAGE_ENTRIES) {
            closePage();
        }
    }

    private void closePage() {
        if (entries == 0) {
            return;
        }
        ByteSink whole = new ByteSink(page.size() + 16);
        whole.varint(entries);
        whole.bytes(page.array(), 0, page.size());
        whole.u32(DbFormat.crc(whole.array(), 0, whole.size()));
        table.u32(whole.size());
        pages.bytes(whole.array(), 0, whole.size());
        pageCount++;
        entries = 0;
    }

    /** The pages, to be written at {@code pagesOffset}; then {@link #writeTable} puts the table in the footer. */
    ByteSink finishPages() {
        closePage();
        return pages;
    }

    long keys() {
        return keys;
    }

    /** Page table with absolute page offsets, then the first keys. */
    void writeTable(ByteSink footer, long pagesOffset) {
        footer.varint(pageCount);
        ByteSource in = new ByteSource(table.array(), 0, table.size());
        for (int i = 0; i < pageCount; i++) {
            footer.u32(in.u32());
            footer.u32(in.u32());
            footer.u64(in.u64() + pagesOffset);
            footer.u32(in.u32());
        }
        footer.varint(firstKeys.size());
        footer.bytes(firstKeys.array(), 0, firstKeys.size());
    }
}
