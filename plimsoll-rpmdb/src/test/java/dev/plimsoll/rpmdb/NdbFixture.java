package dev.plimsoll.rpmdb;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.Adler32;

/**
 * Lays out an ndb {@code Packages.db} from header blobs, following rpm's lib/backend/ndb/rpmpkg.c, because Debian's
 * rpm is built without the ndb backend and so cannot write one for us.
 *
 * <p>Little-endian throughout: a 32-byte file header ("RpmP", version 0, generation, slot page count, next package
 * index) in the first two slots of page 0; 16-byte slots ("Slot", package index, block offset, block count; block
 * offset 0 = free); blobs in 16-byte blocks after the slot pages: "BlbS", package index, generation, length, the
 * header, zero padding, then adler32 (over everything before it), length, "BlbE".
 */
final class NdbFixture {
    static final int PAGE = 4096;
    static final int BLOCK = 16;

    private NdbFixture() {
    }

    /** As rpm writes a fresh database: one slot page, package indexes 1..n in slot order, blobs appended in order. */
    static byte[] build(List<byte[]> headers) {
        return build(headers, 1, false);
    }

    /**
     * @param slotPages  slot pages to reserve (rpm grows the slot area a page at a time)
     * @param scrambled  leave a free slot before every used one, number packages 10, 20, ..., and place blobs in
     *                   reverse order with a zeroed gap between them, as after erases and blob moves
     */
    static byte[] build(List<byte[]> headers, int slotPages, boolean scrambled) {
        long blobBytes = 0;
        for (byte[] h : headers) {
            blobBytes += blocks(h.length) * BLOCK + (scrambled ? BLOCK : 0);
        }
        ByteBuffer file = ByteBuffer.allocate((int) (slotPages * (long) PAGE + blobBytes))
            .order(ByteOrder.LITTLE_ENDIAN);
        for (int slot = 2; slot < slotPages * PAGE / 16; slot++) {
            file.put(slot * 16, "Slot".getBytes(US_ASCII));
        }
        file.put(0, "RpmP".getBytes(US_ASCII));
        file.putInt(4, 0);
        file.putInt(8, 42);
        file.putInt(12, slotPages);
        int nextIndex = 1;
        long block = (long) slotPages * PAGE / BLOCK;
        int slot = 2;
        for (int i = 0; i < headers.size(); i++) {
            byte[] h = headers.get(scrambled ? headers.size() - 1 - i : i);
            int hi = scrambled ? headers.size() - 1 - i : i;
            int packageIndex = scrambled ? 10 * (hi + 1) : hi + 1;
            if (scrambled) {
                block++;
                slot++;
            }
            int count = blocks(h.length);
            writeBlob(file, block, count, packageIndex, h);
            file.putInt(slot * 16 + 4, packageIndex);
            file.putInt(slot * 16 + 8, (int) block);
            file.putInt(slot * 16 + 12, count);
            slot++;
            block += count;
            nextIndex = Math.max(nextIndex, packageIndex + 1);
        }
        file.putInt(16, nextIndex);
        return file.array();
    }

    static int blocks(int headerBytes) {
        return (16 + headerBytes + 12 + BLOCK - 1) / BLOCK;
    }

    private static void writeBlob(ByteBuffer file, long block, int count, int packageIndex, byte[] header) {
        int at = (int) (block * BLOCK);
        file.put(at, "BlbS".getBytes(US_ASCII));
        file.putInt(at + 4, packageIndex);
        file.putInt(at + 8, 7);
        file.putInt(at + 12, header.length);
        file.put(at + 16, header);
        int tail = at + count * BLOCK - 12;
        Adler32 adler = new Adler32();
        adler.update(file.array(), at, tail - at);
        file.putInt(tail, (int) adler.getValue());
        file.putInt(tail + 4, header.length);
        file.put(tail + 8, "BlbE".getBytes(US_ASCII));
    }
}
