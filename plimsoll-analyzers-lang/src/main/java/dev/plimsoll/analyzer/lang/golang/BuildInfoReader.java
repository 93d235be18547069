package dev.plimsoll.analyzer.lang.golang;

import dev.plimsoll.analyzer.lang.elf.ElfException;
import dev.plimsoll.analyzer.lang.elf.ElfFile;
import dev.plimsoll.analyzer.lang.elf.ElfSection;
import dev.plimsoll.analyzer.lang.elf.ElfSegment;
import dev.plimsoll.core.analysis.UntrustedText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * The build information the Go linker leaves in every binary since Go 1.13: a 32-byte header, 16-byte aligned,
 * starting with the magic "\xff Go buildinf:", then the pointer size and a flags byte. It lies in the section
 * {@value #SECTION}, or, for binaries without section headers, near the start of the first writable data segment,
 * where {@code go version -m} looks too. Two layouts:
 * <ul>
 *   <li>Go 1.18 and later (flag bit 2): the toolchain version and the module information follow the header inline,
 *       each as a uvarint length and the bytes;</li>
 *   <li>Go 1.13 to 1.17: the header holds two pointers (of the pointer size, in the byte order of flag bit 1) to
 *       Go string headers (data pointer, length) in the memory image, read here through the loadable segments.</li>
 * </ul>
 * The module information is framed by two 16-byte sentinels, recognised as Go does by a newline just before the
 * closing one; without them the binary was built without modules and only the toolchain is known.
 */
final class BuildInfoReader {
    static final String SECTION = ".go.buildinfo";
    /** The section with its inline strings; a binary with a few hundred dependencies needs some 50 KiB. */
    static final int MAX_BLOB_BYTES = 1024 * 1024;
    /** How far into the data segment the header may lie: Go's own reader looks at the first 64 KiB. */
    static final int SEARCH_BYTES = 64 * 1024;
    /** A string the older layout points to. */
    static final int MAX_STRING_BYTES = 1024 * 1024;

    private static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    private static final int HEADER_BYTES = 32;
    private static final int ALIGN = 16;
    private static final int SENTINEL_BYTES = 16;
    private static final int FLAG_BIG_ENDIAN = 1;
    private static final int FLAG_INLINE = 2;

    private BuildInfoReader() {
    }

    /**
     * The build information of a Go binary.
     *
     * @return empty when the file holds no Go build information and no sign of being a Go binary
     * @throws BuildInfoException the build information is damaged, or the file is a Go binary without any (built
     *                            before Go 1.13, or by gccgo): UNSUPPORTED
     */
    static Optional<GoBuildInfo> read(ElfFile elf) throws BuildInfoException, ElfException, IOException {
        Optional<byte[]> blob = blob(elf);
        if (blob.isEmpty()) {
            if (elf.section(".note.go.buildid").isPresent() || elf.section(".gopclntab").isPresent()) {
                throw BuildInfoException.unsupported("a Go binary without build information (built before Go 1.13 "
                        + "or by gccgo): its modules and Go version are not known");
            }
            return Optional.empty();
        }
        byte[] b = blob.get();
        if (b.length < HEADER_BYTES) {
            throw BuildInfoException.malformed("Go build information header truncated after " + b.length + " bytes");
        }
        int pointerSize = b[14];
        int flags = b[15];
        byte[] version;
        byte[] modules;
        if ((flags & FLAG_INLINE) != 0) {
            Inline inline = new Inline(b, HEADER_BYTES);
            version = inline.next("Go version");
            modules = inline.next("module information");
        } else {
            if (pointerSize != 4 && pointerSize != 8) {
                throw BuildInfoException.malformed("Go build information with a pointer size of " + pointerSize);
            }
            ByteOrder order = (flags & FLAG_BIG_ENDIAN) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            Pointers pointers = new Pointers(elf, pointerSize, order);
            version = pointers.string(pointers.at(b, 16), "Go version");
            modules = pointers.string(pointers.at(b, 16 + pointerSize), "module information");
        }
        if (version.length == 0) {
            throw BuildInfoException.malformed("Go build information without a Go version");
        }
        String text = "";
        if (modules.length >= 2 * SENTINEL_BYTES + 1 && modules[modules.length - SENTINEL_BYTES - 1] == '\n') {
            text = UntrustedText.decode(modules, SENTINEL_BYTES, modules.length - 2 * SENTINEL_BYTES);
        }
        return Optional.of(ModInfo.parse(UntrustedText.decode(version), text));
    }

    /** The bytes from the header on: of the section, else of the first writable data segment. */
    private static Optional<byte[]> blob(ElfFile elf) throws ElfException, IOException {
        Optional<ElfSection> section = elf.section(SECTION);
        if (section.isPresent()) {
            byte[] bytes = elf.contents(section.get(), MAX_BLOB_BYTES);
            int at = find(bytes);
            return at < 0 ? Optional.empty() : Optional.of(Arrays.copyOfRange(bytes, at, bytes.length));
        }
        for (ElfSegment segment : elf.segments()) {
            if (segment.type() == ElfSegment.LOAD
                    && (segment.flags() & (ElfSegment.EXECUTE | ElfSegment.WRITE)) == ElfSegment.WRITE) {
                int at = find(elf.readSegment(segment, 0, SEARCH_BYTES));
                return at < 0 ? Optional.empty() : Optional.of(elf.readSegment(segment, at, MAX_BLOB_BYTES));
            }
        }
        return Optional.empty();
    }

    /** The first 16-byte aligned header within the first {@link #SEARCH_BYTES}, or -1. */
    private static int find(byte[] bytes) {
        int end = Math.min(bytes.length, SEARCH_BYTES) - HEADER_BYTES;
        for (int i = 0; i <= end; i += ALIGN) {
            if (Arrays.equals(bytes, i, i + MAGIC.length, MAGIC, 0, MAGIC.length)) {
                return i;
            }
        }
        return -1;
    }

    /** Strings following the header, each a uvarint length and the bytes. */
    private static final class Inline {
        private final byte[] bytes;
        private int pos;

        Inline(byte[] bytes, int pos) {
            this.bytes = bytes;
            this.pos = pos;
        }

        byte[] next(String what) throws BuildInfoException {
            long length = 0;
            int shift = 0;
            while (true) {
                if (pos >= bytes.length) {
                    throw BuildInfoException.malformed("Go build information ends inside the length of the " + what);
                }
                int b = bytes[pos++] & 0xff;
                if (shift > 56) {
                    throw BuildInfoException.malformed("Go build information: the length of the " + what
                            + " overflows");
                }
                length |= (long) (b & 0x7f) << shift;
                if (b < 0x80) {
                    break;
                }
                shift += 7;
            }
            if (length > bytes.length - pos) {
                String message = "Go build information: the " + what + " of " + length + " bytes runs past the "
                        + (bytes.length - pos) + " bytes of build information left";
                throw bytes.length >= MAX_BLOB_BYTES ? BuildInfoException.limit(message)
                        : BuildInfoException.malformed(message);
            }
            byte[] s = Arrays.copyOfRange(bytes, pos, pos + (int) length);
            pos += (int) length;
            return s;
        }
    }

    /** Go string headers in the memory image, as Go 1.13 to 1.17 point to them. */
    private record Pointers(ElfFile elf, int size, ByteOrder order) {
        long at(byte[] bytes, int pos) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(order);
            return size == 4 ? Integer.toUnsignedLong(buffer.getInt(pos)) : buffer.getLong(pos);
        }

        byte[] string(long address, String what) throws BuildInfoException, ElfException, IOException {
            byte[] header = memory(address, 2 * size, what + " string header");
            long data = at(header, 0);
            long length = at(header, size);
            if (length < 0 || length > MAX_STRING_BYTES) {
                throw BuildInfoException.limit("the " + what + " has " + Long.toUnsignedString(length)
                        + " bytes, more than the " + MAX_STRING_BYTES + " read");
            }
            return length == 0 ? new byte[0] : memory(data, (int) length, what);
        }

        private byte[] memory(long address, int length, String what)
                throws BuildInfoException, ElfException, IOException {
            Optional<byte[]> bytes = elf.readMemory(address, length);
            if (bytes.isEmpty() || bytes.get().length < length) {
                throw BuildInfoException.malformed("Go build information: the " + what + " at address 0x"
                        + Long.toHexString(address) + " is not in the file");
            }
            return bytes.get();
        }
    }
}
