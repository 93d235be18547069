package dev.plimsoll.core.image;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the entries of one layer once, in layer order. {@link #next()} returns null at the end, after the
 * image module has verified the layer blob's digest: a mismatch throws
 * {@link dev.plimsoll.core.error.ImageException} there, so a consumer that reaches the end has seen verified
 * bytes only.
 */
public interface LayerReader extends Closeable {
    /** The next entry's header, or null when the layer is exhausted and verified. */
    RawEntry next() throws IOException;

    /** The content of the entry last returned by {@link #next()}; valid until the next call to next(). */
    InputStream content() throws IOException;
}
