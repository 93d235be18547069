package dev.plimsoll.analyzer.lang.elf;

/**
 * One entry of the program header table.
 *
 * @param type     p_type ({@link #LOAD} segments are mapped into memory)
 * @param flags    p_flags ({@link #EXECUTE}, {@link #WRITE}, {@link #READ})
 * @param offset   p_offset, where its bytes start in the file
 * @param address  p_vaddr
 * @param fileSize p_filesz, the bytes it takes from the file
 * @param memSize  p_memsz
 */
public record ElfSegment(int type, int flags, long offset, long address, long fileSize, long memSize) {
    public static final int LOAD = 1;
    public static final int EXECUTE = 1;
    public static final int WRITE = 2;
    public static final int READ = 4;

    /** Whether the virtual address lies within the bytes this segment takes from the file. */
    public boolean mapsFromFile(long virtualAddress) {
        return type == LOAD && fileSize > 0 && Long.compareUnsigned(virtualAddress, address) >= 0
                && Long.compareUnsigned(virtualAddress - address, fileSize) < 0;
    }
}
