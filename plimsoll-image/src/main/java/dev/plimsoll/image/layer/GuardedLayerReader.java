package dev.plimsoll.image.layer;

import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.RawEntry;
import java.io.IOException;

/**
 * What every layer reader must guarantee around its own way of finding entries: a failed layer keeps failing
 * (null would claim a verified end), a closed reader refuses, the end is reported only once verified, entries per
 * layer are bounded, and content streams handed out for an earlier entry die when the reader moves on
 * ({@link #generation}).
 */
abstract class GuardedLayerReader implements LayerReader {
    protected final String image;
    protected final String layer;
    private final long maxEntries;
    private long entries;
    protected String lastEntry;
    protected boolean finished;
    protected boolean closed;
    protected ImageException failed;
    protected int generation;

    GuardedLayerReader(String image, String layer, long maxEntries) {
        this.image = image;
        this.layer = layer;
        this.maxEntries = maxEntries;
    }

    /** The next entry, or null once the layer is exhausted and its digest verified (set {@link #finished}). */
    protected abstract RawEntry advance() throws IOException;

    /** The ImageException an I/O failure while reading becomes. */
    protected ImageException failure(IOException e) {
        return TarLayerReader.failure(image, layer, lastEntry, e);
    }

    @Override
    public final RawEntry next() throws IOException {
        if (failed != null) {
            throw failed;
        }
        if (closed) {
            throw new IOException("the reader of layer " + layer + " is closed");
        }
        if (finished) {
            return null;
        }
        generation++;
        RawEntry entry;
        try {
            entry = advance();
        } catch (IOException e) {
            failed = failure(e);
            throw failed;
        } catch (ImageException e) {
            failed = e;
            throw e;
        }
        if (entry == null) {
            return null;
        }
        if (++entries > maxEntries) {
            failed = ImageException.inLayer(image, layer, entry.name(),
                    "more than " + maxEntries + " entries in one layer");
            throw failed;
        }
        lastEntry = entry.name();
        return entry;
    }

    /** Records a failure met while reading content, so that next() keeps failing too. */
    protected final ImageException fail(IOException e) {
        failed = failure(e);
        return failed;
    }
}
