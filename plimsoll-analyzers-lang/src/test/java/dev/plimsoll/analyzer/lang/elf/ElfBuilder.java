package dev.plimsoll.analyzer.lang.elf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small ELF files for tests that real toolchains cannot produce here: Go 1.13-1.17's pointer layout, files
 * without section headers, damaged headers. Layout: file header, program headers, section contents (each 16-byte
 * aligned), the section name table, the section header table. Sections marked loaded get a PT_LOAD segment mapping
 * exactly their bytes at their address.
 */
public final class ElfBuilder {
    public static final int PROGBITS = 1;
    public static final int NOTE = 7;

    private record Section(String name, int type, long flags, long address, byte[] data, int segmentFlags) {
    }

    private final boolean wide;
    private final ByteOrder order;
    private final List<Section> sections = new ArrayList<>();
    private boolean sectionHeaders = true;

    public ElfBuilder(boolean wide, ByteOrder order) {
        this.wide = wide;
        this.order = order;
    }

    /** A section that is not loaded. */
    public ElfBuilder section(String name, int type, byte[] data) {
        sections.add(new Section(name, type, 0, 0, data, 0));
        return this;
    }

    /** A PROGBITS section loaded at {@code address} with segment flags {@code segmentFlags} (ElfSegment.READ...). */
    public ElfBuilder loaded(String name, long address, int segmentFlags, byte[] data) {
        sections.add(new Section(name, PROGBITS, 2 /* SHF_ALLOC */ | ((segmentFlags & ElfSegment.WRITE) != 0 ? 1 : 0),
                address, data, segmentFlags));
        return this;
    }

    /** Leaves the section header table out (e_shoff = 0), as sstrip and packers do. */
    public ElfBuilder withoutSectionHeaders() {
        sectionHeaders = false;
        return this;
    }

    public byte[] build() {
        int headerSize = wide ? 64 : 52;
        int phentsize = wide ? 56 : 32;
        int shentsize = wide ? 64 : 40;
        List<Section> loads = sections.stream().filter(s -> s.segmentFlags() != 0).toList();
        int phoff = headerSize;
        long pos = align(phoff + (long) loads.size() * phentsize);
        long[] offsets = new long[sections.size()];
        for (int i = 0; i < sections.size(); i++) {
            offsets[i] = pos;
            pos = align(pos + sections.get(i).data().length);
        }
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        names.write(0);
        int[] nameOffsets = new int[sections.size() + 1];
        for (int i = 0; i < sections.size(); i++) {
            nameOffsets[i] = names.size();
            names.writeBytes((sections.get(i).name() + "\0").getBytes(StandardCharsets.ISO_8859_1));
        }
        nameOffsets[sections.size()] = names.size();
        names.writeBytes(".shstrtab\0".getBytes(StandardCharsets.ISO_8859_1));
        long namesOffset = pos;
        pos = align(pos + names.size());
        long shoff = pos;
        int shnum = sections.size() + 2; // the null section, the sections, the name table
        long size = sectionHeaders ? shoff + (long) shnum * shentsize : shoff;

        ByteBuffer b = ByteBuffer.allocate((int) size).order(order);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (wide ? 2 : 1), (byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2),
                1});
        b.position(16);
        b.putShort((short) 2).putShort((short) (wide ? 62 : 3)).putInt(1);
        word(b, 0); // entry
        word(b, loads.isEmpty() ? 0 : phoff);
        word(b, sectionHeaders ? shoff : 0);
        b.putInt(0).putShort((short) headerSize).putShort((short) phentsize).putShort((short) loads.size())
                .putShort((short) shentsize).putShort((short) (sectionHeaders ? shnum : 0))
                .putShort((short) (sectionHeaders ? shnum - 1 : 0));
        b.position(phoff);
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (s.segmentFlags() == 0) {
                continue;
            }
            long len = s.data().length;
            if (wide) {
                b.putInt(1).putInt(s.segmentFlags()).putLong(offsets[i]).putLong(s.address()).putLong(s.address())
                        .putLong(len).putLong(len).putLong(16);
            } else {
                b.putInt(1).putInt((int) offsets[i]).putInt((int) s.address()).putInt((int) s.address())
                        .putInt((int) len).putInt((int) len).putInt(s.segmentFlags()).putInt(16);
            }
        }
        for (int i = 0; i < sections.size(); i++) {
            b.put((int) offsets[i], sections.get(i).data());
        }
        b.put((int) namesOffset, names.toByteArray());
        if (sectionHeaders) {
            b.position((int) shoff);
            sectionHeader(b, 0, 0, 0, 0, 0, 0);
            for (int i = 0; i < sections.size(); i++) {
                Section s = sections.get(i);
                sectionHeader(b, nameOffsets[i], s.type(), s.flags(), s.address(), offsets[i], s.data().length);
            }
            sectionHeader(b, nameOffsets[sections.size()], 3, 0, 0, namesOffset, names.size());
        }
        return b.array();
    }

    private void sectionHeader(ByteBuffer b, int name, int type, long flags, long address, long offset, long size) {
        b.putInt(name).putInt(type);
        word(b, flags);
        word(b, address);
        word(b, offset);
        word(b, size);
        b.putInt(0).putInt(0);
        word(b, 1);
        word(b, 0);
    }

    private void word(ByteBuffer b, long value) {
        if (wide) {
            b.putLong(value);
        } else {
            b.putInt((int) value);
        }
    }

    private static long align(long pos) {
        return (pos + 15) & ~15L;
    }
}
