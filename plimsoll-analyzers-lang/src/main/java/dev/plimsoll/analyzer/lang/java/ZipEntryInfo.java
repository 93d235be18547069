package dev.plimsoll.analyzer.lang.java;

/**
 * One central directory record of a zip archive, with ZIP64 sizes and offsets resolved and the offset already
 * corrected for bytes prepended to the archive (launch scripts of executable jars).
 *
 * @param name             the entry name as stored, control characters replaced by '?'
 * @param flags            the general purpose bit flags
 * @param method           compression method: 0 stored, 8 deflated
 * @param crc              CRC-32 of the uncompressed data
 * @param localHeader      where the entry's local header starts in its archive
 */
record ZipEntryInfo(String name, int flags, int method, long crc, long compressedSize, long uncompressedSize,
                    long localHeader) {
    static final int STORED = 0;
    static final int DEFLATED = 8;

    boolean isDirectory() {
        return name.endsWith("/");
    }

    boolean encrypted() {
        return (flags & 1) != 0;
    }
}
