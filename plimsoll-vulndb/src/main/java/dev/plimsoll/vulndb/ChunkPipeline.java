package dev.plimsoll.vulndb;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;

/**
 * Groups one section's records (in key order) into chunks, compresses the chunks on a few threads, and writes them
 * in order, telling the page builder where each record landed. Compression is most of a build's time, and chunks are
 * independent, so it scales with cores while the file stays byte-for-byte the same.
 */
final class ChunkPipeline implements AutoCloseable {
    private static final int DEFLATE_LEVEL = 6;

    private final ExecutorService pool;
    private final int threads;
    private final Queue<Deflater> deflaters = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Deflater> deflater;
    private final ArrayDeque<Future<Compressed>> inFlight = new ArrayDeque<>();
    private final Output out;

    private byte[] dictionary = new byte[0];
    private PageBuilder pages;
    private ByteSink pending = new ByteSink(ChunkCodec.TARGET_RAW * 2);
    private List<Placed> pendingRecords = new ArrayList<>();

    /** Where a record sits in its chunk's raw bytes. */
    private record Placed(byte[] key, int rawOffset, int rawLength) {
    }

    private record Compressed(byte[] chunk, List<Placed> records) {
    }

    /** Counts what it writes, so chunk offsets are known without asking the channel. */
    static final class Output {
        private final OutputStream stream;
        private long position;

        Output(OutputStream stream, long start) {
            this.stream = stream;
            this.position = start;
        }

        void write(byte[] b, int off, int len) throws IOException {
            stream.write(b, off, len);
            position += len;
        }

        long position() {
            return position;
        }

        void flush() throws IOException {
            stream.flush();
        }
    }

    ChunkPipeline(Output out) {
        this.out = out;
        this.threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "vulndb-compress");
            t.setDaemon(true);
            return t;
        });
        this.deflater = ThreadLocal.withInitial(() -> {
            Deflater d = new Deflater(DEFLATE_LEVEL, true);
            deflaters.add(d);
            return d;
        });
    }

    /** Starts a section: its dictionary, and a fresh page builder. */
    void beginSection(byte[] sectionDictionary) {
        this.dictionary = sectionDictionary;
        this.pages = new PageBuilder();
    }

    /** Adds the next record of the section, in key order. */
    void add(byte[] key, byte[] raw, int rawLength) throws IOException {
        if (pending.size() > 0 && pending.size() + rawLength > ChunkCodec.TARGET_RAW) {
            submit();
        }
        pendingRecords.add(new Placed(key, pending.size(), rawLength));
        pending.bytes(raw, 0, rawLength);
    }

    /** Flushes the section's last chunk and waits for all of them; returns its pages, not yet written. */
    PageBuilder endSection() throws IOException {
        if (pending.size() > 0) {
            submit();
        }
        while (!inFlight.isEmpty()) {
            drainOne();
        }
        return pages;
    }

    private void submit() throws IOException {
        byte[] raw = pending.toByteArray();
        List<Placed> records = pendingRecords;
        byte[] dict = dictionary;
        inFlight.add(pool.submit(() -> new Compressed(ChunkCodec.encode(raw, raw.length, dict, deflater.get()),
                records)));
        pending = new ByteSink(ChunkCodec.TARGET_RAW * 2);
        pendingRecords = new ArrayList<>();
        while (inFlight.size() > threads * 4) {
            drainOne();
        }
    }

    private void drainOne() throws IOException {
        Compressed c;
        try {
            c = inFlight.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compressing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new UncheckedIOException(
                    new IOException("compression failed", e.getCause()));
        }
        long offset = out.position();
        out.write(c.chunk(), 0, c.chunk().length);
        int crc = DbFormat.crc(c.chunk(), 0, c.chunk().length);
        for (Placed p : c.records()) {
            pages.add(p.key(), offset, c.chunk().length, crc, p.rawOffset(), p.rawLength());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Deflater d;
        while ((d = deflaters.poll()) != null) {
            d.end();
        }
    }
}
