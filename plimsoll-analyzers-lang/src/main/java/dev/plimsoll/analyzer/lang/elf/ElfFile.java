package dev.plimsoll.analyzer.lang.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The headers of an ELF file (32 or 64 bits, either byte order) and access to the bytes they describe. Only what is
 * asked for is read: the file header, the section and program header tables, the section names; section contents
 * and mapped memory on demand, each bounded by the caller. Every offset, size and count comes from the file and is
 * checked against the file's size and against {@link #MAX_TABLE_ENTRIES} and {@link #MAX_NAME_TABLE_BYTES} before
 * anything is read, so a damaged or hostile file costs at most a few MiB and yields an {@link ElfException}; so does
 * a section or loadable segment reaching beyond the end of the file, the mark of a truncated one.
 */
public final class ElfFile {
    /** Entries either header table may have; real executables have a few dozen sections and a dozen segments. */
    public static final int MAX_TABLE_ENTRIES = 65_536;
    /** Bytes of the section name string table; a few hundred in real executables. */
    public static final int MAX_NAME_TABLE_BYTES = 1024 * 1024;

    private static final byte[] MAGIC = {0x7f, 'E', 'L', 'F'};
    private static final int IDENT_BYTES = 16;
    private static final int SHN_XINDEX = 0xffff;
    private static final int PN_XNUM = 0xffff;

    private final SeekableBytes bytes;
    private final boolean wide;
    private final ByteOrder order;
    private final int type;
    private final int machine;
    private final List<ElfSection> sections;
    private final List<ElfSegment> segments;

    private ElfFile(SeekableBytes bytes, boolean wide, ByteOrder order, int type, int machine,
                    List<ElfSection> sections, List<ElfSegment> segments) {
        this.bytes = bytes;
        this.wide = wide;
        this.order = order;
        this.type = type;
        this.machine = machine;
        this.sections = List.copyOf(sections);
        this.segments = List.copyOf(segments);
    }

    /** Whether the bytes start with the ELF magic number. */
    public static boolean isElf(SeekableBytes bytes) throws IOException {
        if (bytes.size() < MAGIC.length) {
            return false;
        }
        byte[] start = bytes.read(0, MAGIC.length);
        return java.util.Arrays.equals(start, MAGIC);
    }

    /**
     * Reads the headers of an ELF file.
     *
     * @return empty when the bytes do not start with the ELF magic number: not an ELF file at all
     * @throws ElfException the file starts like ELF but its headers are truncated, inconsistent or beyond a bound
     * @throws IOException  the bytes could not be read, or ended before the promised size
     */
    public static Optional<ElfFile> read(SeekableBytes bytes) throws ElfException, IOException {
        Objects.requireNonNull(bytes);
        if (!isElf(bytes)) {
            return Optional.empty();
        }
        if (bytes.size() < IDENT_BYTES) {
            throw ElfException.malformed("truncated ELF file: " + bytes.size() + " bytes, shorter than its "
                    + "identification");
        }
        byte[] ident = bytes.read(0, IDENT_BYTES);
        boolean wide = switch (ident[4]) {
            case 1 -> false;
            case 2 -> true;
            default -> throw ElfException.malformed("unknown ELF class " + (ident[4] & 0xff));
        };
        ByteOrder order = switch (ident[5]) {
            case 1 -> ByteOrder.LITTLE_ENDIAN;
            case 2 -> ByteOrder.BIG_ENDIAN;
            default -> throw ElfException.malformed("unknown ELF data encoding " + (ident[5] & 0xff));
        };
        if (ident[6] != 1) {
            throw ElfException.malformed("unknown ELF version " + (ident[6] & 0xff));
        }
        int headerSize = wide ? 64 : 52;
        if (bytes.size() < headerSize) {
            throw ElfException.malformed("truncated ELF file: " + bytes.size() + " bytes, shorter than its "
                    + headerSize + "-byte header");
        }
        Fields header = new Fields(bytes.read(0, headerSize), wide, order);
        int type = header.u16(16);
        int machine = header.u16(18);
        long phoff = header.offset(wide ? 32 : 28, "e_phoff");
        long shoff = header.offset(wide ? 40 : 32, "e_shoff");
        int pos = wide ? 54 : 42;
        int phentsize = header.u16(pos);
        int phnum = header.u16(pos + 2);
        int shentsize = header.u16(pos + 4);
        int shnum = header.u16(pos + 6);
        int shstrndx = header.u16(pos + 8);

        Reader reader = new Reader(bytes, wide, order);
        List<RawSection> raw = List.of();
        if (shoff != 0) {
            int sectionEntry = wide ? 64 : 40;
            if (shentsize < sectionEntry) {
                throw ElfException.malformed("section header entries of " + shentsize + " bytes, fewer than "
                        + sectionEntry);
            }
            long count = shnum;
            if (shnum == 0 || shstrndx == SHN_XINDEX || phnum == PN_XNUM) {
                // Extended numbering: past 0xff00 sections, entry 0 holds the count, the name table's index and
                // the number of segments.
                RawSection first = reader.sections(shoff, shentsize, 1, "section header table").get(0);
                count = shnum == 0 ? first.size : shnum;
                shstrndx = shstrndx == SHN_XINDEX ? first.link : shstrndx;
                phnum = phnum == PN_XNUM ? first.info : phnum;
            }
            raw = reader.sections(shoff, shentsize, count, "section header table");
        }
        List<ElfSection> sections = reader.named(raw, shstrndx);

        List<ElfSegment> segments = List.of();
        if (phoff != 0 && phnum != 0) {
            int segmentEntry = wide ? 56 : 32;
            if (phentsize < segmentEntry) {
                throw ElfException.malformed("program header entries of " + phentsize + " bytes, fewer than "
                        + segmentEntry);
            }
            segments = reader.segments(phoff, phentsize, phnum);
        }
        requireWithinFile(sections, segments, bytes.size());
        return Optional.of(new ElfFile(bytes, wide, order, type, machine, sections, segments));
    }

    /**
     * Every section's and loadable segment's bytes must lie within the file: a file cut short (a truncated copy, an
     * interrupted download) fails here, as a whole, rather than yielding what its first part happens to hold.
     */
    private static void requireWithinFile(List<ElfSection> sections, List<ElfSegment> segments, long size)
            throws ElfException {
        for (ElfSection s : sections) {
            if (s.hasBytes() && !within(s.offset(), s.size(), size)) {
                throw ElfException.malformed("section " + (s.name().isEmpty() ? "without a name" : s.name()) + " ("
                        + Long.toUnsignedString(s.size()) + " bytes at offset " + Long.toUnsignedString(s.offset())
                        + ") ends beyond the end of the file (" + size + " bytes): truncated or damaged");
            }
        }
        for (ElfSegment p : segments) {
            if (p.type() == ElfSegment.LOAD && !within(p.offset(), p.fileSize(), size)) {
                throw ElfException.malformed("loadable segment (" + Long.toUnsignedString(p.fileSize())
                        + " bytes at offset " + Long.toUnsignedString(p.offset()) + ") ends beyond the end of the "
                        + "file (" + size + " bytes): truncated or damaged");
            }
        }
    }

    /** 64-bit (ELFCLASS64) rather than 32-bit. */
    public boolean is64Bit() {
        return wide;
    }

    public ByteOrder byteOrder() {
        return order;
    }

    /** e_type: 2 executable, 3 shared object (and position-independent executables), 4 core, 1 relocatable. */
    public int type() {
        return type;
    }

    /** e_machine (62 x86-64, 183 AArch64, 3 i386, 8 MIPS, 22 s390, ...). */
    public int machine() {
        return machine;
    }

    public List<ElfSection> sections() {
        return sections;
    }

    public List<ElfSegment> segments() {
        return segments;
    }

    /** The first section of that name. */
    public Optional<ElfSection> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * The bytes of a section.
     *
     * @throws ElfException the section is larger than {@code maxBytes} (LIMIT_EXCEEDED), compressed (UNSUPPORTED)
     *                      or lies outside the file (MALFORMED_FILE)
     */
    public byte[] contents(ElfSection section, int maxBytes) throws ElfException, IOException {
        if (!section.hasBytes()) {
            return new byte[0];
        }
        if ((section.flags() & ElfSection.COMPRESSED) != 0) {
            throw ElfException.unsupported("section " + section.name() + " is compressed (SHF_COMPRESSED)");
        }
        if (Long.compareUnsigned(section.size(), maxBytes) > 0) {
            throw ElfException.limit("section " + section.name() + " has " + Long.toUnsignedString(section.size())
                    + " bytes, more than the " + maxBytes + " read");
        }
        if (!within(section.offset(), section.size(), bytes.size())) {
            throw ElfException.malformed("section " + section.name() + " (" + Long.toUnsignedString(section.size())
                    + " bytes at offset " + Long.toUnsignedString(section.offset()) + ") ends beyond the end of the "
                    + "file (" + bytes.size() + " bytes)");
        }
        return bytes.read(section.offset(), (int) section.size());
    }

    /**
     * Up to {@code maxLength} bytes of the memory image at a virtual address, from the loadable segment that maps it
     * from the file; fewer when that segment's file bytes end first.
     *
     * @return empty when no loadable segment maps the address from the file
     * @throws ElfException the segment lies outside the file
     */
    public Optional<byte[]> readMemory(long address, int maxLength) throws ElfException, IOException {
        for (ElfSegment segment : segments) {
            if (segment.mapsFromFile(address)) {
                long delta = address - segment.address();
                return Optional.of(readSegment(segment, delta, maxLength));
            }
        }
        return Optional.empty();
    }

    /** Up to {@code maxLength} bytes of a segment's file image, from {@code delta} bytes into it. */
    public byte[] readSegment(ElfSegment segment, long delta, int maxLength) throws ElfException, IOException {
        if (!within(segment.offset(), segment.fileSize(), bytes.size())) {
            throw ElfException.malformed("segment of " + Long.toUnsignedString(segment.fileSize()) + " bytes at offset "
                    + Long.toUnsignedString(segment.offset()) + " ends beyond the end of the file (" + bytes.size()
                    + " bytes)");
        }
        if (delta < 0 || delta > segment.fileSize()) {
            throw new IllegalArgumentException("offset " + delta + " outside the segment");
        }
        int length = (int) Math.min(maxLength, segment.fileSize() - delta);
        return bytes.read(segment.offset() + delta, length);
    }

    /** Whether [offset, offset+size), both unsigned, lies within a file of {@code fileSize} bytes. */
    static boolean within(long offset, long size, long fileSize) {
        return offset >= 0 && size >= 0 && offset <= fileSize && size <= fileSize - offset;
    }

    private record RawSection(long nameOffset, int type, long flags, long address, long offset, long size, int link,
                              int info) {
    }

    /** Reads the header tables of one file. */
    private record Reader(SeekableBytes bytes, boolean wide, ByteOrder order) {

        List<RawSection> sections(long offset, int entrySize, long count, String what)
                throws ElfException, IOException {
            byte[] table = table(offset, entrySize, count, what);
            Fields f = new Fields(table, wide, order);
            List<RawSection> sections = new ArrayList<>((int) count);
            for (int i = 0; i < count; i++) {
                int p = i * entrySize;
                if (wide) {
                    sections.add(new RawSection(f.u32(p), (int) f.u32(p + 4), f.u64(p + 8), f.u64(p + 16),
                            f.u64(p + 24), f.u64(p + 32), (int) f.u32(p + 40), (int) f.u32(p + 44)));
                } else {
                    sections.add(new RawSection(f.u32(p), (int) f.u32(p + 4), f.u32(p + 8), f.u32(p + 12),
                            f.u32(p + 16), f.u32(p + 20), (int) f.u32(p + 24), (int) f.u32(p + 28)));
                }
            }
            return sections;
        }

        List<ElfSegment> segments(long offset, int entrySize, int count) throws ElfException, IOException {
            byte[] table = table(offset, entrySize, count, "program header table");
            Fields f = new Fields(table, wide, order);
            List<ElfSegment> segments = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int p = i * entrySize;
                if (wide) {
                    segments.add(new ElfSegment((int) f.u32(p), (int) f.u32(p + 4), f.u64(p + 8), f.u64(p + 16),
                            f.u64(p + 32), f.u64(p + 40)));
                } else {
                    segments.add(new ElfSegment((int) f.u32(p), (int) f.u32(p + 24), f.u32(p + 4), f.u32(p + 8),
                            f.u32(p + 16), f.u32(p + 20)));
                }
            }
            return segments;
        }

        private byte[] table(long offset, int entrySize, long count, String what) throws ElfException, IOException {
            if (count < 0 || count > MAX_TABLE_ENTRIES) {
                throw ElfException.limit(what + " with " + Long.toUnsignedString(count) + " entries, more than "
                        + MAX_TABLE_ENTRIES);
            }
            long length = count * entrySize;
            if (!within(offset, length, bytes.size())) {
                throw ElfException.malformed(what + " (" + count + " entries of " + entrySize + " bytes at offset "
                        + Long.toUnsignedString(offset) + ") ends beyond the end of the file (" + bytes.size()
                        + " bytes)");
            }
            return bytes.read(offset, (int) length);
        }

        List<ElfSection> named(List<RawSection> raw, int nameTableIndex) throws ElfException, IOException {
            byte[] names = new byte[0];
            if (nameTableIndex != 0 && !raw.isEmpty()) {
                if (Integer.compareUnsigned(nameTableIndex, raw.size()) >= 0) {
                    throw ElfException.malformed("section name table index " + Integer.toUnsignedString(nameTableIndex)
                            + " beyond the " + raw.size() + " sections");
                }
                RawSection table = raw.get(nameTableIndex);
                if (table.type != ElfSection.NOBITS && table.size != 0) {
                    if (Long.compareUnsigned(table.size, MAX_NAME_TABLE_BYTES) > 0) {
                        throw ElfException.limit("section name table of " + Long.toUnsignedString(table.size)
                                + " bytes, more than " + MAX_NAME_TABLE_BYTES);
                    }
                    if (!within(table.offset, table.size, bytes.size())) {
                        throw ElfException.malformed("section name table (" + table.size + " bytes at offset "
                                + Long.toUnsignedString(table.offset) + ") ends beyond the end of the file ("
                                + bytes.size() + " bytes)");
                    }
                    names = bytes.read(table.offset, (int) table.size);
                }
            }
            List<ElfSection> sections = new ArrayList<>(raw.size());
            for (int i = 0; i < raw.size(); i++) {
                RawSection s = raw.get(i);
                sections.add(new ElfSection(name(names, s.nameOffset, i), s.type, s.flags, s.address, s.offset,
                        s.size));
            }
            return sections;
        }

        private static String name(byte[] names, long offset, int section) throws ElfException {
            if (names.length == 0) {
                return ""; // no name table: every section is nameless
            }
            if (offset < 0 || offset >= names.length) {
                throw ElfException.malformed("name of section " + section + " at offset "
                        + Long.toUnsignedString(offset) + ", beyond the " + names.length + "-byte name table");
            }
            int end = (int) offset;
            while (end < names.length && names[end] != 0) {
                end++;
            }
            // Section names are ASCII; anything else is kept as Latin-1 so that it never matches a wanted name.
            return new String(names, (int) offset, end - (int) offset, StandardCharsets.ISO_8859_1);
        }
    }

    /** Fixed-size fields of a header read in the file's byte order. */
    private static final class Fields {
        private final ByteBuffer buffer;
        private final boolean wide;

        Fields(byte[] bytes, boolean wide, ByteOrder order) {
            this.buffer = ByteBuffer.wrap(bytes).order(order);
            this.wide = wide;
        }

        int u16(int pos) {
            return Short.toUnsignedInt(buffer.getShort(pos));
        }

        long u32(int pos) {
            return Integer.toUnsignedLong(buffer.getInt(pos));
        }

        long u64(int pos) {
            return buffer.getLong(pos);
        }

        /** A file offset: 4 or 8 bytes; one at or above 2^63 cannot lie within any file. */
        long offset(int pos, String field) throws ElfException {
            long value = wide ? u64(pos) : u32(pos);
            if (value < 0) {
                throw ElfException.malformed(field + " " + Long.toUnsignedString(value) + " beyond any file");
            }
            return value;
        }
    }
}
