package dev.plimsoll.vulndb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the primitives of the file format: varints, length-prefixed UTF-8, big-endian ints. */
final class ByteSink {
    private byte[] buf;
    private int size;

    ByteSink(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** The internal array; valid up to {@link #size()} until the next write. */
    byte[] array() {
        return buf;
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            long wanted = Math.max((long) buf.length * 2, (long) size + extra);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("record too large: " + wanted + " bytes");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }

    void u8(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    void bool(boolean b) {
        u8(b ? 1 : 0);
    }

    void bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    void bytes(byte[] b) {
        bytes(b, 0, b.length);
    }

    void u32(int v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    void u64(long v) {
        u32((int) (v >>> 32));
        u32((int) v);
    }

    /** Unsigned LEB128. */
    void varint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    /** Signed, zig-zag encoded so small negatives stay short. */
    void svarint(long v) {
        varint((v << 1) ^ (v >> 63));
    }

    void f64(double d) {
        u64(Double.doubleToRawLongBits(d));
    }

    void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(b.length);
        bytes(b);
    }
}
