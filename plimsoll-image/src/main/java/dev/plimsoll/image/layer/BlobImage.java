package dev.plimsoll.image.layer;

import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.ImageConfig;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.image.ImageLimits;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * An image whose layers are tar blobs (docker-archive, OCI layout, OCI archive). Opening layers is thread-safe:
 * each reader has its own streams over the shared, positionally read archive.
 */
public final class BlobImage implements Image {
    private final ImageSummary summary;
    private final ImageConfig config;
    private final List<LayerRef> layers;
    private final List<LayerBlob> blobs;
    private final ImageLimits limits;
    private final Closeable resources;

    /**
     * @param blobs     one per layer, in the same order
     * @param resources closed with the image (the archive's file channel)
     */
    public BlobImage(ImageSummary summary, ImageConfig config, List<LayerRef> layers, List<LayerBlob> blobs,
                     ImageLimits limits, Closeable resources) {
        this.summary = Objects.requireNonNull(summary);
        this.config = Objects.requireNonNull(config);
        this.layers = List.copyOf(layers);
        this.blobs = List.copyOf(blobs);
        if (this.layers.size() != this.blobs.size()) {
            throw new IllegalArgumentException("one blob per layer");
        }
        this.limits = Objects.requireNonNull(limits);
        this.resources = Objects.requireNonNull(resources);
    }

    @Override
    public ImageSummary summary() {
        return summary;
    }

    @Override
    public ImageConfig config() {
        return config;
    }

    @Override
    public List<LayerRef> layers() {
        return layers;
    }

    @Override
    public LayerReader openLayer(LayerRef layer) throws IOException {
        int i = layer.index();
        if (i >= layers.size() || !layers.get(i).equals(layer)) {
            throw new IllegalArgumentException("layer " + layer.id() + " is not a layer of " + summary.name());
        }
        return TarLayerReader.open(summary.name(), layer.id(), blobs.get(i), limits);
    }

    @Override
    public void prefetch(List<LayerRef> wanted) {
        for (LayerRef layer : wanted) {
            int i = layer.index();
            if (i < layers.size() && layers.get(i).equals(layer)) {
                blobs.get(i).source().prefetch();
            }
        }
    }

    @Override
    public void close() throws IOException {
        resources.close();
    }
}
