package dev.plimsoll.vulndb;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Layout of the database file (all integers big-endian; "varint" is unsigned LEB128).
 *
 * <pre>
 * header   64 bytes at 0: magic "PLIMVDB" 0x1A | schema u32 | flags u32 | file length u64 | footer offset u64 |
 *          footer length u32 | footer CRC-32 u32 | zeros | header CRC-32 u32 (of bytes 0..60)
 * chunks   the records of consecutive keys, packages first, then CVEs, about 8 KiB raw each:
 *          encoding u8 (0 stored, 1 raw deflate primed with the section's dictionary) | raw length varint | payload
 *          a package record: package key | advisory count varint | (length varint | advisory)*
 *          a CVE record: the merged CVE facts
 * pages    each section's sorted keys in runs of up to {@value #PAGE_ENTRIES}:
 *          entry count varint | offset of the first entry's chunk u64 |
 *          (shared prefix varint | suffix length varint | suffix | new chunk u8 |
 *           [chunk length varint | chunk CRC-32 u32, when new] | record offset varint | record length varint)* |
 *          page CRC-32 u32 (of the page's preceding bytes); a page's first entry always starts a chunk
 * footer   counts | metadata | for each section: dictionary, page table (first key, offset, length per page)
 * </pre>
 *
 * Keys are {@code PackageKey.asText()} and CVE ids, compared as unsigned UTF-8 bytes. The header and footer are
 * checked when the file is opened (so a truncated or foreign file is refused at once); pages and chunks carry their
 * own checksums, checked when read, so opening stays O(1) in the size of the data.
 */
final class DbFormat {
    static final byte[] MAGIC = {'P', 'L', 'I', 'M', 'V', 'D', 'B', 0x1A};
    static final int SCHEMA_VERSION = 1;
    static final int HEADER_SIZE = 64;
    static final int PAGE_ENTRIES = 64;
    static final int TOP_ENTRY_SIZE = 20;
    /** A package with 100,000 advisories of 600 bytes still fits: anything larger is damage, not data. */
    static final int MAX_CHUNK_RAW = 64 << 20;
    static final int MAX_PAGE = 1 << 20;
    static final int MAX_FOOTER = 256 << 20;
    static final int ENCODING_STORED = 0;
    static final int ENCODING_DEFLATE = 1;
    static final int SECTION_PACKAGES = 0;
    static final int SECTION_CVES = 1;

    private DbFormat() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static int crc(byte[] b, int off, int len) {
        CRC32 crc = new CRC32();
        crc.update(b, off, len);
        return (int) crc.getValue();
    }
}
