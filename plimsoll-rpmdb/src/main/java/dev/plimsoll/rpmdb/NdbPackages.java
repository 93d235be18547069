package dev.plimsoll.rpmdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * rpm's own "ndb" package file ({@code Packages.db}), as laid out by lib/backend/ndb/rpmpkg.c. All integers are
 * little-endian uint32.
 *
 * <pre>
 * file header (32 bytes)  "RpmP", version (0), generation, slot page count, next package index, 12 unused bytes
 * slot pages (4 KiB each) 16-byte slots: "Slot", package index, block offset, block count; the file header takes
 *                         the first two slots of page 0; a slot with block offset 0 is free
 * blobs (16-byte blocks)  "BlbS", package index, generation, blob length; the header blob; zero padding;
 *                         adler32, blob length, "BlbE" -- blocks = ceil((16 + length + 12) / 16)
 * </pre>
 *
 * Like rpm's reader, this one checks the head and tail of each blob but not the adler32 (rpm verifies it only when
 * it moves or deletes blobs), so it lists what {@code rpm -qa} lists.
 */
final class NdbPackages {
    private static final int MAGIC = 'R' | 'p' << 8 | 'm' << 16 | 'P' << 24;
    private static final int SLOT_MAGIC = 'S' | 'l' << 8 | 'o' << 16 | 't' << 24;
    private static final int BLOB_HEAD_MAGIC = 'B' | 'l' << 8 | 'b' << 16 | 'S' << 24;
    private static final int BLOB_TAIL_MAGIC = 'B' | 'l' << 8 | 'b' << 16 | 'E' << 24;
    private static final int FILE_HEADER_BYTES = 32;
    private static final int PAGE_BYTES = 4096;
    private static final int SLOT_BYTES = 16;
    private static final int BLOCK_BYTES = 16;
    private static final int BLOB_HEAD_BYTES = 16;
    private static final int BLOB_TAIL_BYTES = 12;

    private record Slot(int number, long packageIndex, long blockOffset, long blockCount) {
        String where() {
            return "package index " + packageIndex + " (slot " + number + ")";
        }
    }

    private NdbPackages() {
    }

    static void read(Path file, RpmLimits limits, HeaderSink sink) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < FILE_HEADER_BYTES || size % BLOCK_BYTES != 0) {
                throw new RpmDbException("ndb file of " + size + " bytes: rpm writes whole 16-byte blocks and at"
                    + " least a 32-byte file header");
            }
            ByteBuffer header = FileReads.readFully(channel, 0, le(FILE_HEADER_BYTES), "ndb file header");
            if (header.getInt(0) != MAGIC) {
                throw new RpmDbException("ndb file header lacks the \"RpmP\" magic");
            }
            long version = u32(header, 4);
            if (version != 0) {
                throw new RpmDbException("ndb file format version " + version + " is not the 0 that rpm writes");
            }
            long slotPages = u32(header, 12);
            if (slotPages == 0 || slotPages * PAGE_BYTES > size) {
                throw new RpmDbException("ndb file header claims " + slotPages + " slot pages of 4096 bytes but the"
                    + " file has " + size + " bytes");
            }
            List<Slot> slots = readSlots(channel, slotPages, size / BLOCK_BYTES, limits);
            checkOverlaps(slots);
            slots.sort(Comparator.comparingLong(Slot::packageIndex));
            for (int i = 1; i < slots.size(); i++) {
                if (slots.get(i).packageIndex() == slots.get(i - 1).packageIndex()) {
                    throw new RpmDbException(slots.get(i).where() + ": slot " + slots.get(i - 1).number()
                        + " has the same package index");
                }
            }
            for (Slot slot : slots) {
                sink.accept(slot.packageIndex(), slot.where(), readBlob(channel, slot, limits));
            }
        }
    }

    private static List<Slot> readSlots(FileChannel channel, long slotPages, long fileBlocks, RpmLimits limits)
        throws IOException {
        // Blobs live after the slot pages, so no slot may point into them.
        long firstBlobBlock = slotPages * (PAGE_BYTES / BLOCK_BYTES);
        List<Slot> slots = new ArrayList<>();
        ByteBuffer page = le(PAGE_BYTES);
        int number = FILE_HEADER_BYTES / SLOT_BYTES;
        for (long p = 0; p < slotPages; p++) {
            FileReads.readFully(channel, p * PAGE_BYTES, page, "ndb slot page " + p);
            for (int at = p == 0 ? FILE_HEADER_BYTES : 0; at < PAGE_BYTES; at += SLOT_BYTES, number++) {
                if (page.getInt(at) != SLOT_MAGIC) {
                    throw new RpmDbException("ndb slot " + number + " (page " + p + ") lacks the \"Slot\" magic");
                }
                long blockOffset = u32(page, at + 8);
                if (blockOffset == 0) {
                    continue;
                }
                Slot slot = new Slot(number, u32(page, at + 4), blockOffset, u32(page, at + 12));
                if (slot.packageIndex() == 0 || slot.blockCount() == 0 || blockOffset < firstBlobBlock
                    || blockOffset + slot.blockCount() > fileBlocks) {
                    throw new RpmDbException(slot.where() + ": blob of " + slot.blockCount() + " blocks at block "
                        + blockOffset + " lies outside blocks " + firstBlobBlock + " to " + fileBlocks
                        + ", or the slot has package index 0");
                }
                if (slots.size() == limits.maxPackages()) {
                    throw new RpmDbException("ndb file has more than " + limits.maxPackages()
                        + " packages (limit maxPackages)");
                }
                slots.add(slot);
            }
        }
        return slots;
    }

    /** Overlapping blobs mean corruption, and would let a small file make us read the same bytes many times. */
    private static void checkOverlaps(List<Slot> slots) throws RpmDbException {
        List<Slot> byOffset = new ArrayList<>(slots);
        byOffset.sort(Comparator.comparingLong(Slot::blockOffset));
        for (int i = 1; i < byOffset.size(); i++) {
            Slot before = byOffset.get(i - 1);
            Slot slot = byOffset.get(i);
            if (before.blockOffset() + before.blockCount() > slot.blockOffset()) {
                throw new RpmDbException(slot.where() + ": blob at block " + slot.blockOffset()
                    + " overlaps the blob of " + before.where());
            }
        }
    }

    private static byte[] readBlob(FileChannel channel, Slot slot, RpmLimits limits) throws IOException {
        long span = slot.blockCount() * BLOCK_BYTES;
        if (span < BLOB_HEAD_BYTES + BLOB_TAIL_BYTES) {
            throw new RpmDbException(slot.where() + ": " + slot.blockCount() + " blocks cannot hold a blob");
        }
        // A blob's padding is under one block, so a span beyond the header limit plus a block cannot be valid.
        if (span - BLOB_HEAD_BYTES - BLOB_TAIL_BYTES > limits.maxHeaderBytes() + (long) BLOCK_BYTES
            || span > Integer.MAX_VALUE - BLOCK_BYTES) {
            throw new RpmDbException(slot.where() + ": blob of " + span + " bytes exceeds the header limit of "
                + limits.maxHeaderBytes());
        }
        ByteBuffer blob = FileReads.readFully(channel, slot.blockOffset() * BLOCK_BYTES, le((int) span),
            slot.where());
        if (blob.getInt(0) != BLOB_HEAD_MAGIC) {
            throw new RpmDbException(slot.where() + ": blob lacks the \"BlbS\" magic");
        }
        long owner = u32(blob, 4);
        if (owner != slot.packageIndex()) {
            throw new RpmDbException(slot.where() + ": blob belongs to package index " + owner);
        }
        long length = u32(blob, 12);
        if (length > limits.maxHeaderBytes()) {
            throw new RpmDbException(slot.where() + ": header blob of " + length + " bytes exceeds the limit of "
                + limits.maxHeaderBytes());
        }
        long blocks = (BLOB_HEAD_BYTES + length + BLOB_TAIL_BYTES + BLOCK_BYTES - 1) / BLOCK_BYTES;
        if (blocks != slot.blockCount()) {
            throw new RpmDbException(slot.where() + ": blob of " + length + " bytes needs " + blocks
                + " blocks but its slot has " + slot.blockCount());
        }
        int tail = (int) span - BLOB_TAIL_BYTES;
        if (u32(blob, tail + 4) != length || blob.getInt(tail + 8) != BLOB_TAIL_MAGIC) {
            throw new RpmDbException(slot.where() + ": blob trailer lacks the \"BlbE\" magic or repeats another"
                + " length than the " + length + " bytes in its head");
        }
        return Arrays.copyOfRange(blob.array(), BLOB_HEAD_BYTES, BLOB_HEAD_BYTES + (int) length);
    }

    private static ByteBuffer le(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static long u32(ByteBuffer buffer, int at) {
        return buffer.getInt(at) & 0xffff_ffffL;
    }
}
