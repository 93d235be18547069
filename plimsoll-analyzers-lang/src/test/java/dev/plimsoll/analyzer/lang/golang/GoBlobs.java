package dev.plimsoll.analyzer.lang.golang;

import dev.plimsoll.analyzer.lang.elf.ElfBuilder;
import dev.plimsoll.analyzer.lang.elf.ElfSegment;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Go build information blobs and ELF files holding them, as the Go linker lays them out, for the cases the
 * installed Go (1.19) cannot build: the pointer layout of Go 1.13 to 1.17, damaged blobs, binaries without
 * section headers or without build information.
 */
final class GoBlobs {
    static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    /** cmd/go's modinfo framing (infoStart and infoEnd). */
    static final byte[] START = hex("3077af0c9274080241e1c107e6d618e6");
    static final byte[] END = hex("f932433186182072008242104116d8f2");

    private GoBlobs() {
    }

    /** Module information text framed as cmd/go frames it. */
    static byte[] framed(String modinfo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(START);
        out.writeBytes(modinfo.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(END);
        return out.toByteArray();
    }

    /** Go 1.18's layout: the header (flags 2) followed by uvarint-prefixed strings. */
    static byte[] inline(String version, byte[] modules) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.write(8);
        out.write(2);
        out.writeBytes(new byte[16]);
        string(out, version.getBytes(StandardCharsets.UTF_8));
        string(out, modules);
        return out.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, byte[] s) {
        long n = s.length;
        while (n >= 0x80) {
            out.write((int) (n & 0x7f) | 0x80);
            n >>>= 7;
        }
        out.write((int) n);
        out.writeBytes(s);
    }

    /** A Go 1.18-style binary: the blob in .go.buildinfo, loaded and writable, as the linker puts it. */
    static byte[] inlineBinary(String version, byte[] modules) {
        return new ElfBuilder(true, ByteOrder.LITTLE_ENDIAN)
                .loaded(".text", 0x401000, ElfSegment.READ | ElfSegment.EXECUTE, new byte[64])
                .section(".note.go.buildid", ElfBuilder.NOTE, new byte[16])
                .loaded(".go.buildinfo", 0x4bb000, ElfSegment.READ | ElfSegment.WRITE, inline(version, modules))
                .build();
    }

    /**
     * A Go 1.13-1.17-style binary: .go.buildinfo holds the header and two pointers to the string headers of
     * runtime.buildVersion and runtime.modinfo in .data, which point to their bytes in .rodata.
     */
    static byte[] pointerBinary(boolean wide, ByteOrder order, String version, byte[] modules) {
        int ptr = wide ? 8 : 4;
        long rodata = 0x80000;
        long data = 0xa0000;
        long buildinfo = 0xb0000;
        byte[] versionBytes = version.getBytes(StandardCharsets.UTF_8);
        ByteBuffer strings = ByteBuffer.allocate(versionBytes.length + modules.length);
        strings.put(versionBytes).put(modules);
        ByteBuffer headers = ByteBuffer.allocate(4 * ptr).order(order);
        put(headers, ptr, rodata);
        put(headers, ptr, versionBytes.length);
        put(headers, ptr, rodata + versionBytes.length);
        put(headers, ptr, modules.length);
        ByteBuffer header = ByteBuffer.allocate(32).order(order);
        header.put(MAGIC).put((byte) ptr).put((byte) (order == ByteOrder.BIG_ENDIAN ? 1 : 0));
        put(header, ptr, data);
        put(header, ptr, data + 2L * ptr);
        return new ElfBuilder(wide, order)
                .loaded(".rodata", rodata, ElfSegment.READ, strings.array())
                .loaded(".data", data, ElfSegment.READ | ElfSegment.WRITE, headers.array())
                .loaded(".go.buildinfo", buildinfo, ElfSegment.READ | ElfSegment.WRITE, header.array())
                .build();
    }

    private static void put(ByteBuffer b, int size, long value) {
        if (size == 8) {
            b.putLong(value);
        } else {
            b.putInt((int) value);
        }
    }

    static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
