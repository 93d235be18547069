package dev.plimsoll.image.layer;

import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.image.RawEntry;
import dev.plimsoll.image.blob.FileRange;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipEncoding;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;
import org.apache.commons.compress.utils.ArchiveUtils;

/**
 * Walks the headers of a tar lying in a {@link FileRange}, seeking past content instead of reading it, one entry per
 * call: nothing is indexed ahead. This class follows the chain of extended headers (PAX, global PAX, GNU long names)
 * to the entry they describe, with the semantics of commons-compress's stream: a directory's size is not skipped,
 * and the first all-zero record ends the archive. commons-compress parses every header but the plainest kind (see
 * {@link #plain}) and applies PAX records; sparse entries, which layers never hold, are handed to its stream whole.
 */
public final class TarHeaders {
    static final int RECORD = TarConstants.DEFAULT_RCDSIZE;
    /** Headers are read through a window, so runs of small entries cost one read, not one per header. */
    private static final int WINDOW = 16 * 1024;
    /** Extended header data of one entry, and all global records: real layers use a few hundred bytes. */
    static final int MAX_EXTENDED_BYTES = 1 << 20;
    private static final int MODE_OFFSET = TarConstants.NAMELEN;
    private static final int SIZE_OFFSET = MODE_OFFSET + TarConstants.MODELEN + TarConstants.UIDLEN
            + TarConstants.GIDLEN;
    private static final int TYPE_OFFSET = SIZE_OFFSET + TarConstants.SIZELEN + TarConstants.MODTIMELEN
            + TarConstants.CHKSUMLEN;
    private static final int DEVICE_OFFSET = TarConstants.MAGIC_OFFSET + TarConstants.MAGICLEN
            + TarConstants.VERSIONLEN + TarConstants.UNAMELEN + TarConstants.GNAMELEN;
    private static final int PREFIX_OFFSET = DEVICE_OFFSET + 2 * TarConstants.DEVLEN;
    private static final ZipEncoding UTF_8 = ZipEncodingHelper.getZipEncoding(StandardCharsets.UTF_8.name());

    /**
     * One entry: its header and where its content lies (relative to the blob); for a sparse entry, a stream
     * positioned at its content with the holes filled in, which the caller closes.
     */
    public record Header(RawEntry entry, long dataOffset, long dataLength, TarArchiveInputStream sparse) {
    }

    /** An entry whose content runs past the end of the blob. */
    static final class TruncatedEntryException extends EOFException {
        private static final long serialVersionUID = 1L;
        private final String entry;

        TruncatedEntryException(String entry, String message) {
            super(message);
            this.entry = entry;
        }

        String entry() {
            return entry;
        }
    }

    private final FileRange range;
    private final byte[] window = new byte[WINDOW];
    private final byte[] record = new byte[RECORD];
    private long windowStart;
    private int windowLength;
    private long position;
    private boolean ended;
    private Map<String, String> globals = Map.of();
    private long globalBytes;

    public TarHeaders(FileRange range) {
        this.range = range;
    }

    /** The next entry, or null at the end of the archive. */
    public Header next() throws IOException {
        if (ended) {
            return null;
        }
        long chainStart = position;
        Map<String, String> pax = null;
        String longName = null;
        String longLink = null;
        long extendedBytes = 0;
        while (true) {
            byte[] header = record(position);
            if (header == null || ArchiveUtils.isArrayZero(header, RECORD)) {
                ended = true;
                if (position != chainStart) {
                    throw new EOFException("the archive ends after an extended header, without its entry");
                }
                return null;
            }
            long dataStart = position + RECORD;
            byte type = header[TYPE_OFFSET];
            if (isExtendedHeader(type)) {
                long size = parse(header, Map.of(), dataStart).getSize();
                extendedBytes += size;
                if (extendedBytes > MAX_EXTENDED_BYTES) {
                    throw new IOException("extended headers of more than " + MAX_EXTENDED_BYTES + " bytes");
                }
                byte[] data = read(dataStart, (int) size);
                position = dataStart + padded(size);
                switch (type) {
                    case TarConstants.LF_GNUTYPE_LONGNAME -> longName = name(data);
                    case TarConstants.LF_GNUTYPE_LONGLINK -> longLink = name(data);
                    case TarConstants.LF_PAX_GLOBAL_EXTENDED_HEADER -> {
                        globalBytes += size;
                        if (globalBytes > MAX_EXTENDED_BYTES) {
                            throw new IOException("global PAX headers of more than " + MAX_EXTENDED_BYTES + " bytes");
                        }
                        globals = pax(data, globals);
                    }
                    default -> pax = pax(data, pax != null ? pax : globals);
                }
                continue;
            }
            Plain p = position == chainStart && globals.isEmpty() ? plain(header) : null;
            if (p != null) {
                return entry(p.entry(), p.dataLength(), dataStart);
            }
            // as commons-compress's stream does: the global records decide the format, all records then apply
            TarArchiveEntry e = parse(header, globals, dataStart);
            Map<String, String> records = pax != null ? pax : globals;
            if (e.isOldGNUSparse() || isSparse(records)) {
                return sparse(chainStart);
            }
            apply(e, records);
            // PAX records take precedence over GNU long names, as in POSIX
            if (longName != null && (pax == null || !pax.containsKey("path"))) {
                e.setName(e.isDirectory() && !longName.endsWith("/") ? longName + "/" : longName);
            }
            if (longLink != null && (pax == null || !pax.containsKey("linkpath"))) {
                e.setLinkName(longLink);
            }
            return entry(TarLayerReader.rawEntry(e), e.isDirectory() ? 0 : e.getSize(), dataStart);
        }
    }

    private Header entry(RawEntry entry, long length, long dataStart) throws TruncatedEntryException {
        if (length > range.length() - dataStart) {
            throw new TruncatedEntryException(entry.name(), "its " + length + " bytes of content end "
                    + (length - (range.length() - dataStart)) + " bytes past the end of the blob");
        }
        position = dataStart + padded(length);
        return new Header(entry, dataStart, length, null);
    }

    /** A header parsed here: the entry, and how many bytes of content follow it. */
    record Plain(RawEntry entry, long dataLength) {
    }

    /**
     * The plainest header, parsed here because on a cold JVM commons-compress's full parse of thousands of headers
     * takes several times longer: a ustar or GNU header of a regular file, link, directory, device or FIFO, with
     * ASCII names, octal numbers and nothing after the device numbers (no name prefix, no GNU or xstar fields). For
     * anything else this answers null and commons-compress parses the header, so both always agree; a test holds
     * them to it.
     */
    static Plain plain(byte[] h) {
        byte type = h[TYPE_OFFSET];
        boolean posix = ArchiveUtils.matchAsciiBuffer(TarConstants.MAGIC_POSIX, h, TarConstants.MAGIC_OFFSET,
                TarConstants.MAGICLEN);
        boolean gnu = ArchiveUtils.matchAsciiBuffer(TarConstants.MAGIC_GNU, h, TarConstants.MAGIC_OFFSET,
                TarConstants.MAGICLEN);
        if (!(posix || gnu) || !(type == 0 || type >= '0' && type <= '7') || !zero(h, PREFIX_OFFSET, RECORD)) {
            return null;
        }
        String name = ascii(h, 0, TarConstants.NAMELEN);
        String link = ascii(h, TYPE_OFFSET + 1, TarConstants.NAMELEN);
        long mode = octal(h, MODE_OFFSET, TarConstants.MODELEN);
        long uid = octal(h, MODE_OFFSET + TarConstants.MODELEN, TarConstants.UIDLEN);
        long gid = octal(h, SIZE_OFFSET - TarConstants.GIDLEN, TarConstants.GIDLEN);
        long size = octal(h, SIZE_OFFSET, TarConstants.SIZELEN);
        long time = octal(h, SIZE_OFFSET + TarConstants.SIZELEN, TarConstants.MODTIMELEN);
        // the checksum is not compared (nor by the stream), but a field that is not octal fails its parse
        long checksum = octal(h, TarConstants.CHKSUM_OFFSET, TarConstants.CHKSUMLEN);
        boolean device = type == TarConstants.LF_CHR || type == TarConstants.LF_BLK;
        if (name == null || link == null || mode < 0 || uid < 0 || gid < 0 || size < 0 || time < 0
                || checksum < 0
                || device && (octal(h, DEVICE_OFFSET, TarConstants.DEVLEN) < 0
                || octal(h, DEVICE_OFFSET + TarConstants.DEVLEN, TarConstants.DEVLEN) < 0)) {
            return null;
        }
        boolean directory = type == TarConstants.LF_DIR || name.endsWith("/");
        if (posix && directory && !name.endsWith("/")) {
            // commons-compress completes a ustar directory's name so
            name += "/";
        }
        FileType fileType = switch (type) {
            case TarConstants.LF_SYMLINK -> FileType.SYMLINK;
            case TarConstants.LF_LINK -> FileType.HARDLINK;
            case TarConstants.LF_CHR -> FileType.CHAR_DEVICE;
            case TarConstants.LF_BLK -> FileType.BLOCK_DEVICE;
            case TarConstants.LF_FIFO -> FileType.FIFO;
            default -> directory ? FileType.DIRECTORY : FileType.REGULAR;
        };
        RawEntry entry = new RawEntry(name, fileType, (int) mode & 07777, uid, gid,
                fileType == FileType.REGULAR ? size : 0, link.isEmpty() ? Optional.empty() : Optional.of(link));
        return new Plain(entry, directory ? 0 : size);
    }

    private static boolean zero(byte[] h, int from, int to) {
        for (int i = from; i < to; i++) {
            if (h[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A NUL-terminated name, or null when it is not ASCII (then commons-compress decodes it). */
    private static String ascii(byte[] h, int offset, int length) {
        int end = offset;
        while (end < offset + length && h[end] != 0) {
            if (h[end] < 0) {
                return null;
            }
            end++;
        }
        return new String(h, offset, end - offset, StandardCharsets.ISO_8859_1);
    }

    /**
     * An octal field read by commons-compress's rules (a field starting with NUL is 0; leading spaces, trailing
     * spaces and NULs are dropped), or -1 when it is in any other form: base-256 or invalid.
     */
    private static long octal(byte[] h, int offset, int length) {
        int start = offset;
        int end = offset + length;
        if (h[start] == 0) {
            return 0;
        }
        while (start < end && h[start] == ' ') {
            start++;
        }
        while (start < end && (h[end - 1] == 0 || h[end - 1] == ' ')) {
            end--;
        }
        long value = 0;
        for (; start < end; start++) {
            if (h[start] < '0' || h[start] > '7') {
                return -1;
            }
            value = (value << 3) + h[start] - '0';
        }
        return value;
    }

    private static boolean isSparse(Map<String, String> records) {
        for (String key : records.keySet()) {
            if (key.startsWith("GNU.sparse.")) {
                return true;
            }
        }
        return "sparse".equals(records.get("SCHILY.filetype"));
    }

    private static void apply(TarArchiveEntry e, Map<String, String> records) throws IOException {
        for (Map.Entry<String, String> r : records.entrySet()) {
            try {
                e.addPaxHeader(r.getKey(), r.getValue());
            } catch (IllegalArgumentException ex) {
                throw new IOException("Error detected parsing the pax header", ex);
            }
        }
    }

    /**
     * A sparse entry, read by commons-compress's stream from the start of its chain of headers (global records of
     * earlier entries aside). Its stored bytes end where the stream's count of bytes read plus its stored size say.
     */
    private Header sparse(long chainStart) throws IOException {
        TarArchiveInputStream in = new TarArchiveInputStream(range.stream(chainStart, range.length() - chainStart),
                StandardCharsets.UTF_8.name());
        try {
            TarArchiveEntry e = in.getNextEntry();
            if (e == null) {
                throw new EOFException("the archive ends inside the headers of a sparse entry");
            }
            long dataStart = chainStart + in.getBytesRead();
            long stored = e.getSize();
            if (stored > range.length() - dataStart) {
                throw new TruncatedEntryException(e.getName(), "its " + stored + " stored bytes end "
                        + (stored - (range.length() - dataStart)) + " bytes past the end of the blob");
            }
            position = dataStart + padded(stored);
            return new Header(TarLayerReader.rawEntry(e), dataStart, stored, in);
        } catch (IOException | RuntimeException ex) {
            in.close();
            throw ex;
        }
    }

    private static boolean isExtendedHeader(byte type) {
        return type == TarConstants.LF_PAX_EXTENDED_HEADER_LC || type == TarConstants.LF_PAX_EXTENDED_HEADER_UC
                || type == TarConstants.LF_PAX_GLOBAL_EXTENDED_HEADER || type == TarConstants.LF_GNUTYPE_LONGNAME
                || type == TarConstants.LF_GNUTYPE_LONGLINK;
    }

    private static TarArchiveEntry parse(byte[] header, Map<String, String> pax, long dataOffset) throws IOException {
        try {
            return new TarArchiveEntry(pax, header, UTF_8, false, dataOffset);
        } catch (IllegalArgumentException e) {
            throw new IOException("Error detected parsing the header", e);
        }
    }

    private static long padded(long size) {
        return (size + RECORD - 1) / RECORD * RECORD;
    }

    /** The record at {@code at}, or null exactly at the end of the blob; a record cut short is corruption. */
    private byte[] record(long at) throws IOException {
        if (at < windowStart || at + RECORD > windowStart + windowLength) {
            if (at == range.length()) {
                return null;
            }
            windowStart = at;
            windowLength = at > range.length() ? 0 : range.readUpTo(window, 0, WINDOW, at);
            if (windowLength < RECORD) {
                throw new EOFException("the blob ends inside a tar record at offset " + at);
            }
        }
        System.arraycopy(window, (int) (at - windowStart), record, 0, RECORD);
        return record;
    }

    private byte[] read(long at, int size) throws IOException {
        byte[] data = new byte[size];
        if (range.readUpTo(data, 0, size, at) < size) {
            throw new EOFException("the blob ends inside an extended header");
        }
        return data;
    }

    /** A GNU long name: its data up to the first trailing NUL. */
    private static String name(byte[] data) throws IOException {
        int length = data.length;
        while (length > 0 && data[length - 1] == 0) {
            length--;
        }
        return UTF_8.decode(length == data.length ? data : Arrays.copyOf(data, length));
    }

    /**
     * PAX records ("LENGTH KEY=VALUE\n", LENGTH counting the whole record) laid over {@code base}; an empty value
     * removes the key. The checks and messages follow commons-compress's own parser, which is not public.
     */
    static Map<String, String> pax(byte[] data, Map<String, String> base) throws IOException {
        Map<String, String> headers = new HashMap<>(base);
        int at = 0;
        while (at < data.length) {
            if (data[at] == '\n') {
                at++;
                continue;
            }
            int length = 0;
            int cursor = at;
            while (cursor < data.length && data[cursor] != ' ') {
                byte ch = data[cursor++];
                if (ch < '0' || ch > '9') {
                    throw new IOException("Failed to read Paxheader. Encountered a non-number while reading length");
                }
                if (length > data.length) {
                    break;
                }
                length = length * 10 + ch - '0';
            }
            int end = at + length;
            if (cursor >= data.length || length <= 0 || end > data.length || end <= cursor + 1) {
                throw new IOException("Failed to read Paxheader. Record of " + length + " bytes at offset " + at
                        + " does not fit the header of " + data.length + " bytes");
            }
            int equals = cursor + 1;
            while (equals < end && data[equals] != '=') {
                equals++;
            }
            if (equals >= end) {
                throw new IOException("Failed to read Paxheader. Record at offset " + at + " has no '='");
            }
            if (data[end - 1] != '\n') {
                throw new IOException("Failed to read Paxheader. Value should end with a newline");
            }
            String key = new String(data, cursor + 1, equals - cursor - 1, StandardCharsets.UTF_8);
            if (equals + 1 == end - 1) {
                headers.remove(key);
            } else {
                headers.put(key, new String(data, equals + 1, end - 1 - equals - 1, StandardCharsets.UTF_8));
            }
            at = end;
        }
        return headers;
    }
}
