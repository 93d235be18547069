package dev.plimsoll.image.blob;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.GZIPInputStream;

/** Compression of a layer blob or an outer archive, told by magic bytes (never by file name or media type). */
public enum Compression {
    NONE, GZIP, ZSTD;

    public static final int BUFFER = 64 * 1024;

    /** Classifies the first bytes of a stream. */
    public static Compression detect(byte[] head, int length) {
        if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (length >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
                && (head[3] & 0xff) == 0xfd) {
            return ZSTD;
        }
        return NONE;
    }

    /** Peeks at the magic bytes of a stream (made with room for 4 pushed-back bytes) without consuming them. */
    public static Compression sniff(PushbackInputStream in) throws IOException {
        byte[] head = new byte[4];
        int n = in.readNBytes(head, 0, 4);
        in.unread(head, 0, n);
        return detect(head, n);
    }

    /**
     * The decompressed stream, buffered: tar readers ask for 512-byte records, and a native inflate call per
     * record would dominate the cost.
     */
    public InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
            case ZSTD -> new BufferedInputStream(new ZstdInputStreamNoFinalizer(in), BUFFER);
        };
    }
}
