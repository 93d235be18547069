package dev.plimsoll.image.blob;

import dev.plimsoll.core.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a blob ahead on its own thread, digesting it there, and hands the bytes over in chunks. Hashing a large
 * layer (SHA-256 is the single largest cost of a scan) then overlaps with parsing it on the caller's thread.
 * <p>
 * The reading thread is never interrupted: an interrupt during a read on a shared FileChannel would close the
 * channel for every other reader of the archive. It stops on a flag instead. At most {@link #DEPTH} chunks are
 * in flight, and chunk buffers are recycled.
 */
public final class ReadAheadDigestStream extends InputStream {
    static final int CHUNK = 128 * 1024;
    static final int DEPTH = 8;

    /** A piece of the blob, or its end (with the digest), or the failure that ended it. */
    private record Chunk(byte[] data, int length, Digest digest, IOException failure) {
        boolean last() {
            return data == null;
        }
    }

    private final BlockingQueue<Chunk> ready = new ArrayBlockingQueue<>(DEPTH);
    private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(DEPTH + 2);
    private volatile boolean stopped;
    private Chunk current;
    private int position;
    private long count;
    private Digest result;

    /**
     * Starts opening and reading {@code source} at once, on the reading thread (opening an entry of a compressed
     * archive means decompressing up to it); failures to open arrive at the first read.
     *
     * @param digestOf names the algorithm to digest with
     */
    public ReadAheadDigestStream(BlobSource source, Digest digestOf) throws IOException {
        Objects.requireNonNull(source);
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(digestOf.jcaName());
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("unsupported digest algorithm " + digestOf.algorithm(), e);
        }
        String algorithm = digestOf.algorithm();
        Thread.ofPlatform().daemon().name("plimsoll-blob-read-ahead").start(() -> produce(source, digest, algorithm));
    }

    private void produce(BlobSource blob, MessageDigest digest, String algorithm) {
        try (InputStream source = blob.open()) {
            while (!stopped) {
                byte[] buf = spare.poll();
                if (buf == null) {
                    buf = new byte[CHUNK];
                }
                int n = source.readNBytes(buf, 0, CHUNK);
                if (n > 0) {
                    digest.update(buf, 0, n);
                    hand(new Chunk(buf, n, null, null));
                }
                if (n < CHUNK) {
                    hand(new Chunk(null, 0, new Digest(algorithm, HexFormat.of().formatHex(digest.digest())), null));
                    return;
                }
            }
        } catch (IOException e) {
            hand(new Chunk(null, 0, null, e));
        } catch (RuntimeException e) {
            hand(new Chunk(null, 0, null, new IOException("reading the blob failed: " + e, e)));
        }
    }

    /**
     * Waits for room. A reader that stops listening clears the queue after raising the flag, so this returns and
     * the loop sees the flag.
     */
    private void hand(Chunk chunk) {
        try {
            ready.put(chunk);
        } catch (InterruptedException e) {
            // nobody interrupts this thread; if something does, stop reading
            stopped = true;
            Thread.currentThread().interrupt();
        }
    }

    /** The chunk to read from, or null at the end; the reading thread's failure is thrown, in order, every time. */
    private Chunk chunk() throws IOException {
        if (current != null) {
            if (current.failure() != null) {
                throw current.failure();
            }
            if (current.last()) {
                return null;
            }
            if (position < current.length()) {
                return current;
            }
            spare.offer(current.data());
        }
        try {
            current = ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading a blob");
        }
        position = 0;
        if (current.failure() != null) {
            throw current.failure();
        }
        if (current.last()) {
            result = current.digest();
            return null;
        }
        return current;
    }

    @Override
    public int read() throws IOException {
        Chunk c = chunk();
        if (c == null) {
            return -1;
        }
        count++;
        return c.data()[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        Chunk c = chunk();
        if (c == null) {
            return -1;
        }
        int n = Math.min(len, c.length() - position);
        System.arraycopy(c.data(), position, b, off, n);
        position += n;
        count += n;
        return n;
    }

    /** Skipping copies nothing: the reading thread has digested the bytes already. */
    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n) {
            Chunk c = chunk();
            if (c == null) {
                break;
            }
            int step = (int) Math.min(n - skipped, c.length() - position);
            position += step;
            skipped += step;
        }
        count += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return current == null || current.last() ? 0 : current.length() - position;
    }

    /** Consumes the rest of the blob, so the digest covers all of it. */
    public void drain() throws IOException {
        skip(Long.MAX_VALUE);
    }

    /** Bytes handed out so far. */
    public long count() {
        return count;
    }

    /** The digest of the whole blob; valid once the stream has reached its end. */
    public Digest result() {
        if (result == null) {
            throw new IllegalStateException("the blob has not been read to its end");
        }
        return result;
    }

    @Override
    public void close() {
        stopped = true;
        // free the reading thread if it waits for room
        ready.clear();
    }
}
