package dev.plimsoll.rpmdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Positional reads for the page-based formats, which are read a page or a blob at a time, never whole. */
final class FileReads {
    private FileReads() {
    }

    /** Fills {@code dst} from {@code position}; a file that ends first is a truncated database. */
    static ByteBuffer readFully(FileChannel channel, long position, ByteBuffer dst, String what) throws IOException {
        dst.clear();
        long at = position;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, at);
            if (n < 0) {
                throw new RpmDbException(what + ": file ends at byte " + at + ", " + dst.remaining()
                    + " bytes short of the " + dst.capacity() + " bytes at offset " + position);
            }
            at += n;
        }
        dst.flip();
        return dst;
    }
}
