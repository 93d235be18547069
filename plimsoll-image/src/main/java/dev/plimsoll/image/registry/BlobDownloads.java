package dev.plimsoll.image.registry;

import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.error.PlimsollException;
import dev.plimsoll.core.error.RegistryException;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.image.blob.DigestingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * Fetches blobs into a private temporary directory, at most N at a time, each verified against its digest (and
 * stated size) while it streams to disk; a connection cut mid-blob is retried from the start, a bounded number of
 * times. Each blob is fetched once however often it is asked for. Closing deletes the directory.
 */
final class BlobDownloads implements AutoCloseable {
    private static final int BUFFER = 128 * 1024;

    private final RegistryClient client;
    private final String image;
    private final long maxBytes;
    private final int maxAttempts;
    private final DownloadListener listener;
    private final Semaphore slots;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Digest, CompletableFuture<Path>> downloads = new ConcurrentHashMap<>();
    private final Path directory;
    private volatile boolean closed;

    BlobDownloads(RegistryClient client, String image, RegistrySettings settings, long maxBytes) {
        this.client = client;
        this.image = image;
        this.maxBytes = maxBytes;
        this.maxAttempts = settings.maxAttempts();
        this.listener = settings.listener();
        this.slots = new Semaphore(settings.maxConcurrentDownloads());
        try {
            this.directory = settings.blobParent() == null
                    ? Files.createTempDirectory("plimsoll-blobs-", PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory(settings.blobParent(), "plimsoll-blobs-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for downloaded blobs", e);
        }
    }

    /** Starts fetching a blob unless it is already on its way. */
    CompletableFuture<Path> start(Digest digest, long size) {
        return downloads.computeIfAbsent(digest, d -> CompletableFuture.supplyAsync(() -> fetch(d, size), executor));
    }

    /** The verified file of a blob, fetched now if nobody started it. */
    Path await(Digest digest, long size) throws IOException {
        try {
            return start(digest, size).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while downloading " + digest);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            if (cause instanceof PlimsollException p) {
                throw p;
            }
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IOException("downloading " + digest + " failed: " + cause, cause);
        }
    }

    private Path fetch(Digest digest, long size) {
        if (closed) {
            throw new IllegalStateException("downloads closed");
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        try {
            Path file = directory.resolve(digest.algorithm() + "-" + digest.hex());
            long limit = size >= 0 ? size : maxBytes;
            Duration wait = Duration.ofMillis(250);
            for (int attempt = 1; ; attempt++) {
                listener.started(digest, size);
                try (InputStream body = client.blob(digest);
                     DigestingInputStream in = new DigestingInputStream(body, digest);
                     OutputStream out = Files.newOutputStream(file)) {
                    byte[] buffer = new byte[BUFFER];
                    long total = 0;
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        total += n;
                        if (total > limit) {
                            throw new ImageException(image, "blob " + digest + " from " + client.describe()
                                    + " is larger than " + (size >= 0 ? "its descriptor's " + size + " bytes"
                                    : "the limit of " + maxBytes + " bytes"));
                        }
                        out.write(buffer, 0, n);
                        listener.progressed(digest, n);
                    }
                    if (size >= 0 && total != size) {
                        throw new IOException("connection closed after " + total + " of " + size + " bytes");
                    }
                    Digest actual = in.result();
                    if (!actual.equals(digest)) {
                        throw new ImageException(image, "blob " + digest + " from " + client.describe()
                                + " does not match its digest: got " + actual);
                    }
                    listener.finished(digest, total);
                    return file;
                } catch (IOException e) {
                    if (attempt >= maxAttempts || closed) {
                        throw new RegistryException(client.registry(), null, "blob " + digest + ": download failed"
                                + " after " + attempt + " attempts: " + client.scrub(String.valueOf(e.getMessage())),
                                null);
                    }
                    try {
                        Thread.sleep(wait);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted");
                    }
                    wait = wait.multipliedBy(2);
                }
            }
        } finally {
            slots.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a file still open elsewhere; the directory is private and temporary
                }
            });
        } catch (IOException ignored) {
            // nothing left to delete
        }
    }
}
