package dev.plimsoll.core.image;

import java.io.IOException;
import java.util.List;

/** An opened image: its config and its layers, bottom first. Layers may be opened concurrently, each reader on one thread. */
public interface Image extends AutoCloseable {
    ImageSummary summary();

    ImageConfig config();

    List<LayerRef> layers();

    /** Streams one layer's entries; the reader verifies the blob digest when it reaches the end. */
    LayerReader openLayer(LayerRef layer) throws IOException;

    /**
     * Says which layers will be opened, in the order they will be: a remote image starts fetching them (a bounded
     * number at a time), so that downloads overlap with analysis. Local images need nothing.
     */
    default void prefetch(List<LayerRef> layers) {
    }

    @Override
    void close() throws IOException;
}
