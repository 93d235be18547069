package dev.plimsoll.vulndb;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ByteSink} wrote, checking every length against what is left, so a damaged or hostile record
 * fails with {@link CorruptDataException} instead of reading past its end or allocating without bound.
 */
final class ByteSource {
    private final byte[] buf;
    private final int end;
    private int pos;

    ByteSource(byte[] buf) {
        this(buf, 0, buf.length);
    }

    ByteSource(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > buf.length) {
            throw new CorruptDataException("slice out of range");
        }
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
    }

    /** The underlying array, for slicing a nested record without copying. */
    byte[] array() {
        return buf;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    boolean atEnd() {
        return pos == end;
    }

    private void need(int n) {
        if (n < 0 || n > end - pos) {
            throw new CorruptDataException("record ends early (need " + n + " bytes at " + pos + ", have "
                    + (end - pos) + ")");
        }
    }

    int u8() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    boolean bool() {
        int b = u8();
        if (b > 1) {
            throw new CorruptDataException("bad boolean " + b);
        }
        return b == 1;
    }

    int u32() {
        need(4);
        int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    long u64() {
        return ((long) u32() << 32) | (u32() & 0xFFFFFFFFL);
    }

    long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new CorruptDataException("varint too long");
    }

    long svarint() {
        long v = varint();
        return (v >>> 1) ^ -(v & 1);
    }

    /** A varint that counts items or bytes still to come: at most what is left, since each takes a byte or more. */
    int count() {
        long v = varint();
        if (v > remaining()) {
            throw new CorruptDataException("count " + v + " exceeds the " + remaining() + " bytes left");
        }
        return (int) v;
    }

    double f64() {
        return Double.longBitsToDouble(u64());
    }

    String string() {
        int len = count();
        String s = new String(buf, pos, len, StandardCharsets.UTF_8);
        pos += len;
        return s;
    }

    void skip(int n) {
        need(n);
        pos += n;
    }
}
