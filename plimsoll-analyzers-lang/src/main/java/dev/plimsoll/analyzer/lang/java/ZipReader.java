package dev.plimsoll.analyzer.lang.java;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads zip archives (PKWARE APPNOTE 6.3) the way a scanner needs: the central directory, streamed entry by entry
 * without keeping it, then only the entries asked for, from any {@link ByteSource}. The central directory is
 * authoritative (local headers are only used to find where data starts), ZIP64 sizes and offsets are understood,
 * and bytes prepended to the archive (the launch script of an executable jar) are accounted for. Every size read
 * from the archive is checked against the source before it is used.
 */
final class ZipReader {
    private static final int EOCD_SIG = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_EOCD_SIG = 0x06064b50;
    private static final int CEN_SIG = 0x02014b50;
    private static final int LOC_SIG = 0x04034b50;
    private static final int EOCD_SIZE = 22;
    private static final int ZIP64_LOCATOR_SIZE = 20;
    private static final int ZIP64_EOCD_SIZE = 56;
    private static final int CEN_SIZE = 46;
    private static final int LOC_SIZE = 30;
    private static final long MAX_COMMENT = 0xFFFF;

    /** Receives each central directory entry. */
    @FunctionalInterface
    interface EntrySink {
        void entry(ZipEntryInfo entry) throws ArchiveException;
    }

    private ZipReader() {
    }

    /** Where the central directory is and how many entries it declares. */
    private record Directory(long offset, long size, long entries, long shift) {
    }

    /**
     * Streams the central directory of {@code source} to {@code sink}, counting each entry against the budget.
     *
     * @return the number of entries
     */
    static long readCentralDirectory(ByteSource source, Budget budget, EntrySink sink) throws IOException {
        Directory dir = locate(source);
        try (InputStream in = new BufferedInputStream(source.openAt(dir.offset()), 1 << 16)) {
            byte[] fixed = new byte[CEN_SIZE];
            long consumed = 0;
            for (long i = 0; i < dir.entries(); i++) {
                budget.entry();
                readFully(in, fixed, "central directory entry " + i);
                if (le32(fixed, 0) != CEN_SIG) {
                    throw ArchiveException.malformed("central directory entry " + i + " is damaged (bad signature)");
                }
                int nameLength = le16(fixed, 28);
                int extraLength = le16(fixed, 30);
                int commentLength = le16(fixed, 32);
                consumed += CEN_SIZE + nameLength + extraLength + commentLength;
                if (consumed > dir.size()) {
                    throw ArchiveException.malformed("central directory entry " + i
                            + " runs past the directory's declared size");
                }
                byte[] variable = new byte[nameLength + extraLength];
                readFully(in, variable, "central directory entry " + i);
                in.skipNBytes(commentLength);
                sink.entry(entry(fixed, variable, nameLength, dir, source.size(), i));
            }
            return dir.entries();
        } catch (EOFException e) {
            throw ArchiveException.malformed("the central directory is truncated");
        }
    }

    private static ZipEntryInfo entry(byte[] fixed, byte[] variable, int nameLength, Directory dir, long sourceSize,
                                      long index) throws ArchiveException {
        int flags = le16(fixed, 8);
        int method = le16(fixed, 10);
        long crc = le32u(fixed, 16);
        long compressed = le32u(fixed, 20);
        long uncompressed = le32u(fixed, 24);
        int disk = le16(fixed, 34);
        long offset = le32u(fixed, 42);
        // ZIP64 extended information: only the fields whose 32-bit (16-bit for the disk) value is saturated.
        int pos = nameLength;
        while (pos + 4 <= variable.length) {
            int id = le16(variable, pos);
            int size = le16(variable, pos + 2);
            int data = pos + 4;
            if (data + size > variable.length) {
                break;
            }
            if (id == 0x0001) {
                int p = data;
                if (uncompressed == 0xFFFFFFFFL && p + 8 <= data + size) {
                    uncompressed = le64(variable, p);
                    p += 8;
                }
                if (compressed == 0xFFFFFFFFL && p + 8 <= data + size) {
                    compressed = le64(variable, p);
                    p += 8;
                }
                if (offset == 0xFFFFFFFFL && p + 8 <= data + size) {
                    offset = le64(variable, p);
                    p += 8;
                }
                if (disk == 0xFFFF && p + 4 <= data + size) {
                    disk = (int) le32u(variable, p);
                }
            }
            pos = data + size;
        }
        String name = name(variable, nameLength);
        if (disk != 0) {
            throw ArchiveException.unsupported("entry " + name + " lies on disk " + disk
                    + " of a split archive, which is not read");
        }
        long local = offset + dir.shift();
        if (compressed < 0 || uncompressed < 0 || local < 0 || local > sourceSize - LOC_SIZE
                || compressed > sourceSize) {
            throw ArchiveException.malformed("central directory entry " + index + " (" + name
                    + ") points outside the archive");
        }
        return new ZipEntryInfo(name, flags, method, crc, compressed, uncompressed, local);
    }

    /** Entry names as UTF-8 (what jar tools write; other encodings only affect non-ASCII names), made printable. */
    private static String name(byte[] bytes, int length) {
        String s = new String(bytes, 0, length, StandardCharsets.UTF_8);
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x20 || s.charAt(i) == 0x7f) {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, '?');
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Finds the end of central directory record (and its ZIP64 counterpart) in the last 64 KiB of the source. */
    private static Directory locate(ByteSource source) throws IOException {
        long size = source.size();
        if (size < EOCD_SIZE) {
            throw ArchiveException.malformed("not a zip archive: " + size + " bytes");
        }
        // Archives rarely carry a comment: a short tail usually holds the record, saving a 64 KiB read per jar.
        int tailLength = 0;
        byte[] tail = null;
        int at = -1;
        for (long window : new long[] {EOCD_SIZE + ZIP64_LOCATOR_SIZE + 256, EOCD_SIZE + MAX_COMMENT}) {
            if (tailLength == size) {
                break;
            }
            tailLength = (int) Math.min(size, window);
            tail = source.read(size - tailLength, tailLength);
            at = endRecord(tail);
            if (at >= 0) {
                break;
            }
        }
        if (at < 0) {
            throw ArchiveException.malformed("not a zip archive: no end of central directory record");
        }
        long tailStart = size - tailLength;
        long eocd = tailStart + at;
        int thisDisk = le16(tail, at + 4);
        int cdDisk = le16(tail, at + 6);
        long entries = le16(tail, at + 10);
        long cdSize = le32u(tail, at + 12);
        long cdOffset = le32u(tail, at + 16);
        long cdEnd = eocd;
        if (eocd >= ZIP64_LOCATOR_SIZE) {
            byte[] locator = at >= ZIP64_LOCATOR_SIZE
                    ? java.util.Arrays.copyOfRange(tail, at - ZIP64_LOCATOR_SIZE, at)
                    : source.read(eocd - ZIP64_LOCATOR_SIZE, ZIP64_LOCATOR_SIZE);
            if (le32(locator, 0) == ZIP64_LOCATOR_SIG) {
                long recordAt = zip64Record(source, le64(locator, 8), eocd - ZIP64_LOCATOR_SIZE);
                byte[] record = source.read(recordAt, ZIP64_EOCD_SIZE);
                thisDisk = (int) le32u(record, 16);
                cdDisk = (int) le32u(record, 20);
                entries = le64(record, 32);
                cdSize = le64(record, 40);
                cdOffset = le64(record, 48);
                cdEnd = recordAt;
            }
        }
        if (thisDisk != 0 || cdDisk != 0) {
            throw ArchiveException.unsupported("a split (multi-disk) archive, which is not read");
        }
        if (entries < 0 || cdSize < 0 || cdOffset < 0 || cdSize > cdEnd) {
            throw ArchiveException.malformed("the end of central directory record is damaged");
        }
        // Where the directory really starts tells how many bytes precede the archive proper.
        long cdStart = cdEnd - cdSize;
        long shift = cdStart - cdOffset;
        if (shift < 0) {
            throw ArchiveException.malformed("the central directory offset points past the directory");
        }
        if (entries > cdSize / CEN_SIZE) {
            throw ArchiveException.malformed("the end record declares " + entries + " entries in a central directory of "
                    + cdSize + " bytes");
        }
        return new Directory(cdStart, cdSize, entries, shift);
    }

    /** The last end of central directory record in {@code tail} whose comment fits, or -1. */
    private static int endRecord(byte[] tail) {
        for (int i = tail.length - EOCD_SIZE; i >= 0; i--) {
            if (le32(tail, i) == EOCD_SIG && i + EOCD_SIZE + le16(tail, i + 20) <= tail.length) {
                return i;
            }
        }
        return -1;
    }

    /** The ZIP64 end record: where the locator says, else right before the locator (prepended bytes). */
    private static long zip64Record(ByteSource source, long declared, long locatorAt) throws IOException {
        for (long candidate : new long[] {declared, locatorAt - ZIP64_EOCD_SIZE}) {
            if (candidate >= 0 && candidate <= locatorAt - ZIP64_EOCD_SIZE
                    && le32(source.read(candidate, 4), 0) == ZIP64_EOCD_SIG) {
                return candidate;
            }
        }
        throw ArchiveException.malformed("the ZIP64 end of central directory record is missing");
    }

    /** Where an entry's data starts, from its local header. */
    static long dataStart(ByteSource source, ZipEntryInfo e) throws IOException {
        byte[] local = source.read(e.localHeader(), LOC_SIZE);
        if (le32(local, 0) != LOC_SIG) {
            throw ArchiveException.malformed("the local header of " + e.name() + " is damaged");
        }
        long start = e.localHeader() + LOC_SIZE + le16(local, 26) + le16(local, 28);
        if (start > source.size() - e.compressedSize()) {
            throw ArchiveException.malformed("the data of " + e.name() + " runs past the end of the archive");
        }
        return start;
    }

    /** Refuses entries that cannot be read at all. */
    static void checkReadable(ZipEntryInfo e) throws ArchiveException {
        if (e.encrypted()) {
            throw ArchiveException.unsupported("encrypted entry, not read");
        }
        if (e.method() != ZipEntryInfo.STORED && e.method() != ZipEntryInfo.DEFLATED) {
            throw ArchiveException.unsupported("compression method " + e.method()
                    + " (only stored and deflated are read)");
        }
        if (e.method() == ZipEntryInfo.STORED && e.compressedSize() != e.uncompressedSize()) {
            throw ArchiveException.malformed("stored entry with a compressed size of " + e.compressedSize()
                    + " and an uncompressed size of " + e.uncompressedSize());
        }
    }

    /**
     * An entry's whole content, at most {@code maxBytes}, inflated within the budget and checked against its CRC.
     */
    static byte[] readEntry(ByteSource source, ZipEntryInfo e, long maxBytes, Budget budget) throws IOException {
        checkReadable(e);
        if (e.uncompressedSize() > maxBytes) {
            throw ArchiveException.limit("declares " + e.uncompressedSize() + " bytes, beyond the bound of "
                    + maxBytes + "; not read");
        }
        long start = dataStart(source, e);
        byte[] out;
        if (e.method() == ZipEntryInfo.STORED) {
            out = source.read(start, (int) e.uncompressedSize());
        } else {
            budget.inflate(e.uncompressedSize(), e.name());
            out = new byte[(int) e.uncompressedSize()];
            try (InputStream raw = source.openAt(start)) {
                inflate(new ByteSource.Bounded(raw, e.compressedSize()), out);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(out);
        if (crc.getValue() != e.crc()) {
            throw ArchiveException.malformed("CRC mismatch: the entry is damaged");
        }
        return out;
    }

    /**
     * Inflates raw deflate data into {@code out}, which must fill it exactly: more data than declared (a zip bomb
     * lying about its size) or less is an error, and nothing beyond {@code out} is ever produced.
     */
    static void inflate(InputStream raw, byte[] out) throws IOException {
        Inflater inflater = new Inflater(true);
        try {
            byte[] input = new byte[1 << 16];
            int produced = 0;
            int idle = 0;
            boolean padded = false;
            while (!inflater.finished()) {
                if (inflater.needsDictionary()) {
                    throw ArchiveException.malformed("deflate data asks for a preset dictionary");
                }
                if (inflater.needsInput()) {
                    int n = raw.read(input);
                    if (n < 0) {
                        if (produced == out.length) {
                            break; // all declared bytes are there; the CRC check judges them
                        }
                        if (padded) {
                            throw ArchiveException.malformed("the compressed data ends early");
                        }
                        // zlib's raw mode may want one byte past the data to flush its last block (Inflater's doc).
                        input[0] = 0;
                        n = 1;
                        padded = true;
                    }
                    inflater.setInput(input, 0, n);
                    idle = 0;
                }
                int n = produced < out.length
                        ? inflater.inflate(out, produced, out.length - produced)
                        : inflater.inflate(new byte[1]);
                if (produced == out.length && n > 0) {
                    throw ArchiveException.malformed("inflates to more than its declared " + out.length + " bytes");
                }
                produced += n;
                if (n == 0 && !inflater.needsInput() && !inflater.finished() && ++idle > 1000) {
                    throw ArchiveException.malformed("deflate data makes no progress");
                }
            }
            if (produced != out.length) {
                throw ArchiveException.malformed("inflates to " + produced + " bytes, not its declared "
                        + out.length);
            }
        } catch (DataFormatException e) {
            throw ArchiveException.malformed("damaged deflate data: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private static void readFully(InputStream in, byte[] b, String what) throws IOException {
        if (in.readNBytes(b, 0, b.length) != b.length) {
            throw ArchiveException.malformed(what + " is truncated");
        }
    }

    static int le16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    static int le32(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    }

    static long le32u(byte[] b, int i) {
        return le32(b, i) & 0xFFFFFFFFL;
    }

    /** A 64-bit field; values above Long.MAX_VALUE come out negative and are refused by the callers' checks. */
    static long le64(byte[] b, int i) {
        return le32u(b, i) | le32u(b, i + 4) << 32;
    }
}
