package dev.plimsoll.engine.cache;

import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.RawEntry;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams a cached layer: the same entries, in the same order, as the layer blob, with the bytes of the entries
 * analyzers may read. The entry passed its checksum before this was made.
 */
final class ReplayedLayerReader implements LayerReader {
    private final DataInputStream in;
    private RawEntry current;
    private InputStream content = InputStream.nullInputStream();
    private boolean hasContent;
    private long count;
    private boolean ended;

    ReplayedLayerReader(DataInputStream in) {
        this.in = in;
    }

    @Override
    public RawEntry next() throws IOException {
        if (ended) {
            return null;
        }
        content.skip(Long.MAX_VALUE);
        LayerRecords.Read read = LayerRecords.readEntry(in);
        if (read == null) {
            long stored = in.readLong();
            if (stored != count) {
                throw new IOException("layer cache entry lists " + stored + " entries but holds " + count);
            }
            ended = true;
            current = null;
            return null;
        }
        count++;
        current = read.entry();
        hasContent = read.hasContent();
        content = hasContent ? LayerRecords.bounded(in, current.size()) : InputStream.nullInputStream();
        return current;
    }

    @Override
    public InputStream content() throws IOException {
        if (current != null && !hasContent && current.size() > 0) {
            // never happens for a walk with the interests the entry was recorded for (they are in its key)
            throw new IOException("the layer cache holds no content for " + current.name());
        }
        return content;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
