package dev.plimsoll.engine.cache;

import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.image.RawEntry;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The format of one cache entry: a magic line and the key, then per layer entry a marker byte 1, the header
 * fields, a flag and (when set) exactly {@code size} content bytes; then a marker byte 0 and the entry count;
 * then the CRC-32C of everything before it.
 */
final class LayerRecords {
    static final byte[] MAGIC = ("plimsoll layer cache " + LayerCache.FORMAT + "\n").getBytes(StandardCharsets.US_ASCII);
    static final int MAX_STRING_BYTES = 1 << 20;
    private static final int CHECK_BUFFER = 256 * 1024;

    private LayerRecords() {
    }

    static void writeHeader(DataOutputStream out, String key) throws IOException {
        out.write(MAGIC);
        writeString(out, key);
    }

    static void writeEntry(DataOutputStream out, RawEntry e, boolean withContent) throws IOException {
        out.writeByte(1);
        writeString(out, e.name());
        writeString(out, e.type().name());
        out.writeInt(e.mode());
        out.writeLong(e.uid());
        out.writeLong(e.gid());
        out.writeLong(e.size());
        out.writeBoolean(e.linkName().isPresent());
        if (e.linkName().isPresent()) {
            writeString(out, e.linkName().get());
        }
        out.writeBoolean(withContent);
    }

    static void writeEnd(DataOutputStream out, long entries) throws IOException {
        out.writeByte(0);
        out.writeLong(entries);
    }

    /** One entry header and whether its bytes follow; null at the end marker. */
    record Read(RawEntry entry, boolean hasContent) {
    }

    static void readHeader(DataInputStream in, String key) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a layer cache entry of format " + LayerCache.FORMAT);
        }
        if (!readString(in).equals(key)) {
            throw new IOException("entry holds another key");
        }
    }

    static Read readEntry(DataInputStream in) throws IOException {
        int marker = in.readUnsignedByte();
        if (marker == 0) {
            return null;
        }
        if (marker != 1) {
            throw new IOException("bad record marker " + marker);
        }
        String name = readString(in);
        FileType type;
        try {
            type = FileType.valueOf(readString(in));
        } catch (IllegalArgumentException e) {
            throw new IOException("bad entry type", e);
        }
        int mode = in.readInt();
        long uid = in.readLong();
        long gid = in.readLong();
        long size = in.readLong();
        Optional<String> link = in.readBoolean() ? Optional.of(readString(in)) : Optional.empty();
        boolean content = in.readBoolean();
        try {
            return new Read(new RawEntry(name, type, mode, uid, gid, size, link), content);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad entry", e);
        }
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING_BYTES) {
            throw new IOException("string of " + n + " bytes");
        }
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException();
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Whether the file's last 8 bytes are the CRC-32C of the rest. Reads the whole file once. */
    static boolean intact(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < MAGIC.length + 8) {
            return false;
        }
        CRC32C crc = new CRC32C();
        ByteBuffer buffer = ByteBuffer.allocate(CHECK_BUFFER);
        long position = 0;
        long body = size - 8;
        while (position < body) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), body - position));
            int n = channel.read(buffer, position);
            if (n < 0) {
                return false;
            }
            buffer.flip();
            crc.update(buffer);
            position += n;
        }
        ByteBuffer stored = ByteBuffer.allocate(8);
        while (stored.hasRemaining()) {
            if (channel.read(stored, body + stored.position()) < 0) {
                return false;
            }
        }
        return stored.getLong(0) == crc.getValue();
    }

    /** Reads exactly n bytes of content or fails. */
    static InputStream bounded(InputStream in, long n) {
        return new InputStream() {
            private long left = n;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("cache entry ends inside a file's content");
                }
                left--;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int r = in.read(b, off, (int) Math.min(len, left));
                if (r < 0) {
                    throw new EOFException("cache entry ends inside a file's content");
                }
                left -= r;
                return r;
            }

            @Override
            public long skip(long k) throws IOException {
                long want = Math.min(k, left);
                in.skipNBytes(want);
                left -= want;
                return want;
            }
        };
    }
}
