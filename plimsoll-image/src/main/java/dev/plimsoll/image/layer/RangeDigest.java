package dev.plimsoll.image.layer;

import dev.plimsoll.core.image.Digest;
import dev.plimsoll.image.blob.FileRange;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Digests a whole blob on its own thread, started at once, while the caller seeks through the blob for what it
 * needs. Like the read-ahead stream it is never interrupted (that would close a shared channel); it stops on a flag.
 */
final class RangeDigest {
    private static final int CHUNK = 256 * 1024;

    private final CompletableFuture<Digest> result = new CompletableFuture<>();
    private volatile boolean stopped;

    private RangeDigest() {
    }

    static RangeDigest start(FileRange range, Digest digestOf) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(digestOf.jcaName());
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("unsupported digest algorithm " + digestOf.algorithm(), e);
        }
        RangeDigest d = new RangeDigest();
        String algorithm = digestOf.algorithm();
        Thread.ofPlatform().daemon().name("plimsoll-layer-digest").start(() -> d.run(range, digest, algorithm));
        return d;
    }

    private void run(FileRange range, MessageDigest digest, String algorithm) {
        byte[] chunk = new byte[CHUNK];
        ByteBuffer buffer = ByteBuffer.wrap(chunk);
        try {
            long position = 0;
            while (position < range.length()) {
                if (stopped) {
                    result.cancel(false);
                    return;
                }
                buffer.clear();
                int n = range.read(buffer, position);
                digest.update(chunk, 0, n);
                position += n;
            }
            result.complete(new Digest(algorithm, HexFormat.of().formatHex(digest.digest())));
        } catch (IOException e) {
            result.completeExceptionally(e);
        } catch (RuntimeException e) {
            result.completeExceptionally(new IOException("reading the blob failed: " + e, e));
        }
    }

    /** Waits for the digest of the whole blob; a failure to read it is thrown here. */
    Digest await() throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while digesting a blob");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    void stop() {
        stopped = true;
    }
}
