package dev.plimsoll.engine.cache;

import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.RawEntry;
import dev.plimsoll.fs.InterestIndex;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Passes a layer through to the walk while recording it into a temporary cache entry: every header, and the bytes
 * of the regular files {@link InterestIndex#mayReadContent} admits (copied as the walk reads them, or after it
 * moves on when it did not). The entry is renamed into place only when the layer has been read to its verified
 * end. If the walk asks for bytes the entry would not hold, or a hard link points to a file whose bytes were not
 * kept, the layer is not cached (never cached incomplete).
 */
final class RecordingLayerReader implements LayerReader {
    private static final int BUFFER = 256 * 1024;

    private final LayerReader reader;
    private final LayerCache cache;
    private final String key;
    private final InterestIndex interests;
    private final Path temporary;
    private final CRC32C crc = new CRC32C();
    private final CountingStream counting;
    private final DataOutputStream out;
    /** Regular entries met so far by raw name: whether their bytes are kept. */
    private final Map<String, Boolean> kept = new HashMap<>();
    private RawEntry current;
    private boolean currentKept;
    private long currentCopied;
    private long entries;
    private boolean recording = true;
    private boolean committed;

    RecordingLayerReader(LayerReader reader, LayerCache cache, String key, InterestIndex interests)
            throws IOException {
        this.reader = reader;
        this.cache = cache;
        this.key = key;
        this.interests = interests;
        this.temporary = cache.newTemporary(key);
        this.counting = new CountingStream(Files.newOutputStream(temporary), crc);
        this.out = new DataOutputStream(new BufferedOutputStream(counting, BUFFER));
        LayerRecords.writeHeader(out, key);
    }

    @Override
    public RawEntry next() throws IOException {
        finishCurrent();
        RawEntry raw = reader.next();
        if (raw == null) {
            current = null;
            commit();
            return null;
        }
        current = raw;
        currentCopied = 0;
        currentKept = raw.type() == FileType.REGULAR && interests.mayReadContent(raw.name(), raw.mode(), raw.size());
        if (raw.type() == FileType.REGULAR) {
            kept.put(stripped(raw.name()), currentKept);
        } else if (raw.type() == FileType.HARDLINK && recording) {
            // a wanted link delivers its target's bytes, possibly by reading the layer again: they must be kept
            Boolean targetKept = raw.linkName().map(l -> kept.get(stripped(l))).orElse(null);
            if (!Boolean.TRUE.equals(targetKept) && interests.mayReadContent(raw.name(), 0777, 0)) {
                abandon();
            }
        }
        if (recording) {
            LayerRecords.writeEntry(out, raw, currentKept);
            entries++;
            if (counting.count > cache.maxBytes()) {
                abandon();
            }
        }
        return raw;
    }

    @Override
    public InputStream content() throws IOException {
        InputStream in = reader.content();
        if (current == null || !recording) {
            return in;
        }
        if (!currentKept) {
            if (current.size() > 0) {
                abandon();
            }
            return in;
        }
        return new InputStream() {
            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0 && recording) {
                    out.write(b);
                    currentCopied++;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0 && recording) {
                    out.write(b, off, n);
                    currentCopied += n;
                }
                return n;
            }
        };
    }

    /** Copies what the walk left of a kept entry's bytes, so the entry holds all of them. */
    private void finishCurrent() throws IOException {
        if (current == null || !currentKept || !recording) {
            return;
        }
        long missing = current.size() - currentCopied;
        if (missing > 0) {
            InputStream in = reader.content();
            // the walk read currentCopied bytes through our stream; the reader's content continues after them
            byte[] buffer = new byte[(int) Math.min(BUFFER, missing)];
            while (missing > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, missing));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                missing -= n;
            }
            if (missing > 0) {
                abandon();
            }
        }
        currentKept = false;
    }

    private void commit() throws IOException {
        if (!recording || committed) {
            return;
        }
        LayerRecords.writeEnd(out, entries);
        out.flush();
        counting.writeTrailer(crc.getValue());
        out.close();
        committed = true;
        recording = false;
        Path entry = cache.entry(key);
        try {
            Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
        }
        cache.prune();
    }

    /** Stops recording this layer: it will be read from the image next time too. */
    private void abandon() {
        if (!recording) {
            return;
        }
        recording = false;
        try {
            out.close();
        } catch (IOException ignored) {
            // the file is deleted next
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // a leftover .tmp file; cache clean removes it
        }
    }

    private static String stripped(String name) {
        String n = name;
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.startsWith("./") ? n.substring(2) : n.substring(1);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            abandon();
        }
    }

    /** The file's stream: counts and checksums every byte, except the checksum written last. */
    private static final class CountingStream extends OutputStream {
        private final OutputStream file;
        private final CRC32C crc;
        long count;

        CountingStream(OutputStream file, CRC32C crc) {
            this.file = file;
            this.crc = crc;
        }

        @Override
        public void write(int b) throws IOException {
            file.write(b);
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            file.write(b, off, len);
            crc.update(b, off, len);
            count += len;
        }

        void writeTrailer(long value) throws IOException {
            file.write(ByteBuffer.allocate(8).putLong(value).array());
        }

        @Override
        public void flush() throws IOException {
            file.flush();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
