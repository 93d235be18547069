package dev.plimsoll.rpmdb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An rpm header as the package databases store it: the header of an installed package without the 8-byte
 * magic/reserved lead that headers in {@code .rpm} files carry.
 *
 * <p>Layout (all integers big-endian, see rpm's docs/manual/format_header.md): {@code il} (uint32, number of index
 * entries), {@code dl} (uint32, bytes of data), {@code il} entries of 16 bytes (tag, type, offset into the data,
 * count), then {@code dl} bytes of data. The first entry of a v4 header is a region tag (HEADERIMMUTABLE for package
 * headers) whose data, the "trailer", says how many of the entries form the immutable region that rpmbuild wrote;
 * entries after it are "dribbles" rpm added at install time (install time, transaction id, ...). As rpm itself does,
 * a dribble replaces a region entry with the same tag.
 *
 * <p>{@link #parse} checks every index entry against the data length, so any entry it accepts lies inside the data:
 * fixed-size values fully, strings at least by their minimum size. NUL terminators are searched for only when a
 * string tag is read, which keeps parsing linear in the blob size whatever the index claims; an unterminated string
 * is then reported as an {@link RpmDbException}. Instances are immutable: the data is copied out of the blob.
 */
public final class RpmHeader {
    public static final int TYPE_NULL = 0;
    public static final int TYPE_CHAR = 1;
    public static final int TYPE_INT8 = 2;
    public static final int TYPE_INT16 = 3;
    public static final int TYPE_INT32 = 4;
    public static final int TYPE_INT64 = 5;
    public static final int TYPE_STRING = 6;
    public static final int TYPE_BIN = 7;
    public static final int TYPE_STRING_ARRAY = 8;
    public static final int TYPE_I18NSTRING = 9;

    private static final String[] TYPE_NAMES = {
        "NULL", "CHAR", "INT8", "INT16", "INT32", "INT64", "STRING", "BIN", "STRING_ARRAY", "I18NSTRING"};
    /** Bytes per element; -1 marks the NUL-terminated string types, whose size is only known by scanning. */
    private static final int[] TYPE_SIZES = {0, 1, 1, 2, 4, 8, -1, 1, -1, -1};
    private static final int PREFIX_BYTES = 8;
    private static final int ENTRY_BYTES = 16;
    /** A region tag's data is a 16-byte trailer shaped like an index entry. */
    private static final int REGION_TRAILER_BYTES = 16;

    private final byte[] data;
    /** Effective entries, sorted by tag, one per tag; parallel arrays keep hostile 2-million-entry headers small. */
    private final int[] tags;
    private final int[] types;
    private final int[] offsets;
    private final int[] counts;

    private RpmHeader(byte[] data, int[] tags, int[] types, int[] offsets, int[] counts) {
        this.data = data;
        this.tags = tags;
        this.types = types;
        this.offsets = offsets;
        this.counts = counts;
    }

    /**
     * Parses a header blob.
     *
     * @throws RpmDbException if the blob is shorter or longer than its index and data lengths say, has no entries, a
     *                        malformed region trailer, an unknown type, or an entry whose data would fall outside it
     */
    public static RpmHeader parse(byte[] blob) throws RpmDbException {
        Objects.requireNonNull(blob, "blob");
        if (blob.length < PREFIX_BYTES) {
            throw new RpmDbException("header blob has " + blob.length
                + " bytes, fewer than the 8 that hold its index entry count and data length");
        }
        long il = u32(blob, 0);
        long dl = u32(blob, 4);
        if (il == 0) {
            throw new RpmDbException("header has no index entries");
        }
        // long arithmetic: il and dl are attacker-controlled uint32 values, their products overflow an int.
        long needed = PREFIX_BYTES + il * ENTRY_BYTES + dl;
        if (needed != blob.length) {
            throw new RpmDbException("header declares " + il + " index entries and " + dl + " data bytes ("
                + needed + " bytes in all) but the blob has " + blob.length + " bytes");
        }
        int entryCount = (int) il;
        int dataStart = PREFIX_BYTES + entryCount * ENTRY_BYTES;
        byte[] data = Arrays.copyOfRange(blob, dataStart, dataStart + (int) dl);

        int firstTag = s32(blob, PREFIX_BYTES);
        int regionEntries = firstTag >= RpmTag.HEADERIMAGE && firstTag <= RpmTag.HEADERIMMUTABLE
            ? regionEntryCount(blob, entryCount, data) : 0;
        // The region tag itself only describes the region; it is not data anyone asks for.
        int first = regionEntries > 0 ? 1 : 0;

        // Sort keys: tag in the high half, then dribbles (0) before region entries (1 << 31), then index position,
        // so the first key of each tag is the entry rpm returns: a dribble overrides the region, else the earliest.
        long[] order = new long[entryCount - first];
        for (int i = first; i < entryCount; i++) {
            int at = PREFIX_BYTES + i * ENTRY_BYTES;
            int tag = s32(blob, at);
            checkEntry(i, tag, u32(blob, at + 4), s32(blob, at + 8), u32(blob, at + 12), data.length);
            long rank = regionEntries > 0 && i < regionEntries ? 1L << 31 : 0L;
            order[i - first] = ((long) tag << 32) | rank | i;
        }
        Arrays.sort(order);

        int distinct = 0;
        for (int k = 0; k < order.length; k++) {
            if (k == 0 || (int) (order[k] >> 32) != (int) (order[k - 1] >> 32)) {
                distinct++;
            }
        }
        int[] tags = new int[distinct];
        int[] types = new int[distinct];
        int[] offsets = new int[distinct];
        int[] counts = new int[distinct];
        int n = 0;
        for (int k = 0; k < order.length; k++) {
            int tag = (int) (order[k] >> 32);
            if (k > 0 && tag == (int) (order[k - 1] >> 32)) {
                continue;
            }
            int at = PREFIX_BYTES + (int) (order[k] & 0x7fff_ffffL) * ENTRY_BYTES;
            tags[n] = tag;
            types[n] = s32(blob, at + 4);
            offsets[n] = s32(blob, at + 8);
            counts[n] = s32(blob, at + 12);
            n++;
        }
        return new RpmHeader(data, tags, types, offsets, counts);
    }

    /** Validates the region tag and its trailer; returns how many leading index entries the region spans. */
    private static int regionEntryCount(byte[] blob, int entryCount, byte[] data) throws RpmDbException {
        int tag = s32(blob, PREFIX_BYTES);
        long type = u32(blob, PREFIX_BYTES + 4);
        int offset = s32(blob, PREFIX_BYTES + 8);
        long count = u32(blob, PREFIX_BYTES + 12);
        if (type != TYPE_BIN || count != REGION_TRAILER_BYTES) {
            throw new RpmDbException("region tag " + tag + " has type " + typeName(type) + " and count " + count
                + ", expected BIN with count 16");
        }
        if (offset < 0 || (long) offset + REGION_TRAILER_BYTES > data.length) {
            throw new RpmDbException("region tag " + tag + " puts its trailer at data offset " + offset
                + ", outside the " + data.length + " data bytes");
        }
        int trailerTag = s32(data, offset);
        long trailerType = u32(data, offset + 4);
        int trailerOffset = s32(data, offset + 8);
        long trailerCount = u32(data, offset + 12);
        // rpm accepts HEADERIMAGE in the trailer of a signature region written by old rpm versions.
        boolean tagMatches = trailerTag == tag
            || (tag == RpmTag.HEADERSIGNATURES && trailerTag == RpmTag.HEADERIMAGE);
        if (!tagMatches || trailerType != TYPE_BIN || trailerCount != REGION_TRAILER_BYTES) {
            throw new RpmDbException("region tag " + tag + " has a trailer with tag " + trailerTag + ", type "
                + typeName(trailerType) + " and count " + trailerCount + ", expected tag " + tag
                + ", BIN and count 16");
        }
        // The trailer's offset is the negated size of the region's index entries (region tag included).
        long regionBytes = -(long) trailerOffset;
        if (regionBytes < ENTRY_BYTES || regionBytes % ENTRY_BYTES != 0 || regionBytes / ENTRY_BYTES > entryCount) {
            throw new RpmDbException("region tag " + tag + " claims " + regionBytes
                + " bytes of index entries, not a multiple of 16 between 16 and the header's "
                + entryCount + " entries");
        }
        return (int) (regionBytes / ENTRY_BYTES);
    }

    private static void checkEntry(int index, int tag, long type, int offset, long count, int dataLength)
        throws RpmDbException {
        if (type >= TYPE_NAMES.length) {
            throw new RpmDbException(entry(index, tag) + " has unknown type " + type);
        }
        String what = entry(index, tag) + " (" + TYPE_NAMES[(int) type] + ", offset " + offset + ", count "
            + count + ")";
        if (count == 0) {
            throw new RpmDbException(what + " has no elements");
        }
        if (offset < 0 || offset >= dataLength) {
            throw new RpmDbException(what + " starts outside the " + dataLength + " data bytes");
        }
        long room = (long) dataLength - offset;
        int size = TYPE_SIZES[(int) type];
        if (size < 0) {
            if (type == TYPE_STRING && count != 1) {
                throw new RpmDbException(what + ": a STRING entry must have count 1");
            }
            // Every string takes at least its NUL terminator.
            if (count > room) {
                throw new RpmDbException(what + " cannot fit " + count + " strings in the " + room
                    + " data bytes after its offset");
            }
        } else if (size * count > room) {
            throw new RpmDbException(what + " needs " + size * count + " bytes but only " + room
                + " data bytes follow its offset");
        }
    }

    /** Whether the header has an entry for {@code tag}. */
    public boolean has(int tag) {
        return Arrays.binarySearch(tags, tag) >= 0;
    }

    /** The type ({@code TYPE_*}) of the entry for {@code tag}, if there is one. */
    public OptionalInt type(int tag) {
        int e = Arrays.binarySearch(tags, tag);
        return e < 0 ? OptionalInt.empty() : OptionalInt.of(types[e]);
    }

    /** Size of the data store; bounds how much a well-formed header can describe. */
    public int dataLength() {
        return data.length;
    }

    /**
     * A STRING tag. An I18NSTRING tag is accepted too and gives its first, untranslated value, because rpm versions
     * differ in which of the two types they use for some tags.
     *
     * @throws RpmDbException if the tag has another type or its string is not NUL-terminated inside the data
     */
    public Optional<String> string(int tag) throws RpmDbException {
        int e = Arrays.binarySearch(tags, tag);
        if (e < 0) {
            return Optional.empty();
        }
        if (types[e] != TYPE_STRING && types[e] != TYPE_I18NSTRING) {
            throw mismatch(e, "STRING");
        }
        return Optional.of(stringAt(e, offsets[e]));
    }

    /**
     * An I18NSTRING tag (SUMMARY, DESCRIPTION, GROUP) in its untranslated form: rpmbuild stores the "C" locale value
     * first, parallel to HEADERI18NTABLE, and that is the text tools and advisories use. A STRING tag is accepted too.
     *
     * @throws RpmDbException if the tag has another type or its string is not NUL-terminated inside the data
     */
    public Optional<String> i18nString(int tag) throws RpmDbException {
        return string(tag);
    }

    /**
     * A STRING_ARRAY or I18NSTRING tag, every element in order (a STRING tag gives one element); empty if absent.
     *
     * @throws RpmDbException if the tag has another type or a string runs past the end of the data
     */
    public List<String> stringArray(int tag) throws RpmDbException {
        int e = Arrays.binarySearch(tags, tag);
        if (e < 0) {
            return List.of();
        }
        int type = types[e];
        if (type == TYPE_STRING) {
            return List.of(stringAt(e, offsets[e]));
        }
        if (type != TYPE_STRING_ARRAY && type != TYPE_I18NSTRING) {
            throw mismatch(e, "STRING_ARRAY");
        }
        int count = counts[e];
        List<String> values = new ArrayList<>(Math.min(count, 4096));
        int at = offsets[e];
        for (int k = 0; k < count; k++) {
            int end = nul(e, at);
            values.add(end == at ? "" : new String(data, at, end - at, StandardCharsets.UTF_8));
            at = end + 1;
        }
        return Collections.unmodifiableList(values);
    }

    /**
     * The first value of an INT32 tag.
     *
     * @throws RpmDbException if the tag has another type
     */
    public OptionalInt int32(int tag) throws RpmDbException {
        int e = Arrays.binarySearch(tags, tag);
        if (e < 0) {
            return OptionalInt.empty();
        }
        if (types[e] != TYPE_INT32) {
            throw mismatch(e, "INT32");
        }
        return OptionalInt.of(s32(data, offsets[e]));
    }

    /**
     * All values of an INT32 tag; an empty array if absent.
     *
     * @throws RpmDbException if the tag has another type
     */
    public int[] int32Array(int tag) throws RpmDbException {
        int e = Arrays.binarySearch(tags, tag);
        if (e < 0) {
            return new int[0];
        }
        if (types[e] != TYPE_INT32) {
            throw mismatch(e, "INT32");
        }
        int[] values = new int[counts[e]];
        for (int k = 0; k < values.length; k++) {
            values[k] = s32(data, offsets[e] + 4 * k);
        }
        return values;
    }

    /**
     * The first value of an INT64 tag (LONGSIZE, LONGFILESIZES, ...).
     *
     * @throws RpmDbException if the tag has another type
     */
    public OptionalLong int64(int tag) throws RpmDbException {
        int e = Arrays.binarySearch(tags, tag);
        if (e < 0) {
            return OptionalLong.empty();
        }
        if (types[e] != TYPE_INT64) {
            throw mismatch(e, "INT64");
        }
        return OptionalLong.of((u32(data, offsets[e]) << 32) | u32(data, offsets[e] + 4));
    }

    private String stringAt(int e, int at) throws RpmDbException {
        int end = nul(e, at);
        return new String(data, at, end - at, StandardCharsets.UTF_8);
    }

    /** Position of the NUL that ends the string starting at {@code at}. */
    private int nul(int e, int at) throws RpmDbException {
        for (int i = at; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        throw new RpmDbException("tag " + Integer.toUnsignedString(tags[e]) + " (" + TYPE_NAMES[types[e]]
            + ", offset " + offsets[e] + ", count " + counts[e] + ") has a string at data offset " + at
            + " that runs past the end of the " + data.length + " data bytes without a NUL terminator");
    }

    private RpmDbException mismatch(int e, String expected) {
        return new RpmDbException("tag " + Integer.toUnsignedString(tags[e]) + " has type " + TYPE_NAMES[types[e]]
            + ", expected " + expected);
    }

    private static String entry(int index, int tag) {
        return "index entry " + index + " (tag " + Integer.toUnsignedString(tag) + ")";
    }

    private static String typeName(long type) {
        return type >= 0 && type < TYPE_NAMES.length ? TYPE_NAMES[(int) type] : Long.toString(type);
    }

    private static int s32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static long u32(byte[] b, int at) {
        return s32(b, at) & 0xffff_ffffL;
    }
}
