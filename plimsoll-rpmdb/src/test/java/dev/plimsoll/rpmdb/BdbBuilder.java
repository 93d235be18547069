package dev.plimsoll.rpmdb;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes small Berkeley DB hash files page by page, for the layouts db5.3_load will not produce: cycles, shared or
 * broken overflow chains, on-page values, pre-4.6 unsorted hash pages. Field offsets as in db_page.h.
 */
final class BdbBuilder {
    static final int P_HASH_UNSORTED = 2;
    static final int P_OVERFLOW = 7;
    static final int P_HASH = 13;

    private final ByteBuffer file;
    private final int pageSize;

    BdbBuilder(int pageSize, int pages, ByteOrder order) {
        this.pageSize = pageSize;
        this.file = ByteBuffer.allocate(pageSize * pages).order(order);
        file.putInt(8, 0);
        file.putInt(12, BdbHashPackages.HASH_MAGIC);
        file.putInt(16, 9);
        file.putInt(20, pageSize);
        file.put(25, (byte) 8);
        file.putInt(32, pages - 1);
    }

    /** A hash page holding key/value pairs; each value is either a byte[] (on page) or an {@link OffPage}. */
    BdbBuilder hashPage(int pgno, int type, Object... keysAndValues) {
        int base = pgno * pageSize;
        header(pgno, 0, keysAndValues.length, type);
        int end = pageSize;
        for (int i = 0; i < keysAndValues.length; i++) {
            byte[] item = switch (keysAndValues[i]) {
                case Integer key -> ByteBuffer.allocate(5).order(file.order()).put((byte) 1).putInt(key).array();
                case byte[] value -> ByteBuffer.allocate(1 + value.length).put((byte) 1).put(value).array();
                case OffPage ref -> ByteBuffer.allocate(12).order(file.order()).put((byte) 3).put(new byte[3])
                    .putInt(ref.pgno()).putInt(ref.length()).array();
                default -> throw new IllegalArgumentException(String.valueOf(keysAndValues[i]));
            };
            end -= item.length;
            file.put(base + end, item);
            file.putShort(base + 26 + 2 * i, (short) end);
        }
        file.putShort(base + 22, (short) end);
        return this;
    }

    BdbBuilder overflowPage(int pgno, int next, byte[] data) {
        header(pgno, next, 1, P_OVERFLOW);
        file.putShort(pgno * pageSize + 22, (short) data.length);
        file.put(pgno * pageSize + 26, data);
        return this;
    }

    /** Lays a value out over consecutive overflow pages starting at {@code first}; returns the next free page. */
    int overflowChain(int first, byte[] value) {
        int room = pageSize - 26;
        int pgno = first;
        for (int at = 0; at < value.length; at += room, pgno++) {
            int n = Math.min(room, value.length - at);
            byte[] part = new byte[n];
            System.arraycopy(value, at, part, 0, n);
            overflowPage(pgno, at + n < value.length ? pgno + 1 : 0, part);
        }
        return pgno;
    }

    byte[] bytes() {
        return file.array().clone();
    }

    private void header(int pgno, int next, int entries, int type) {
        int base = pgno * pageSize;
        file.putInt(base + 8, pgno);
        file.putInt(base + 16, next);
        file.putShort(base + 20, (short) entries);
        file.put(base + 25, (byte) type);
    }

    record OffPage(int pgno, int length) {
    }
}
