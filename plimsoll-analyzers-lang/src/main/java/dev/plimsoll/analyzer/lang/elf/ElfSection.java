package dev.plimsoll.analyzer.lang.elf;

import java.util.Objects;

/**
 * One entry of the section header table.
 *
 * @param name    from the section name string table ("" when the file has none)
 * @param type    sh_type ({@link #NOBITS} sections occupy no bytes of the file)
 * @param flags   sh_flags
 * @param address sh_addr, the virtual address when loaded (0 for sections not loaded)
 * @param offset  sh_offset, where its bytes start in the file
 * @param size    sh_size, in bytes
 */
public record ElfSection(String name, int type, long flags, long address, long offset, long size) {
    public static final int NOBITS = 8;
    /** SHF_COMPRESSED: the bytes are an Elf_Chdr and a compressed stream. */
    public static final long COMPRESSED = 0x800;

    public ElfSection {
        Objects.requireNonNull(name);
    }

    /** Whether the section's bytes are stored in the file. */
    public boolean hasBytes() {
        return type != NOBITS && size > 0;
    }
}
