package dev.plimsoll.image.rootfs;

import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.ImageConfig;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.image.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** An unpacked root filesystem seen as an image of one pseudo-layer; nothing is known of its config. */
public final class RootfsImage implements Image {
    private static final LayerRef LAYER = new LayerRef(0, Optional.empty(), Optional.empty(), 0, Optional.empty(),
            Optional.empty());

    private final Path root;
    private final ImageSummary summary;
    private final ImageConfig config;

    /** @param root an existing directory; a symlink given as the root itself is followed, nothing below it is */
    public RootfsImage(Path root, String name, Platform platform) {
        this.root = root;
        this.summary = new ImageSummary(name, "rootfs", List.of(), Optional.empty(), Optional.empty(), platform);
        this.config = ImageConfig.empty(platform);
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
        return List.of(LAYER);
    }

    @Override
    public LayerReader openLayer(LayerRef layer) {
        if (!LAYER.equals(layer)) {
            throw new IllegalArgumentException("layer " + layer.id() + " is not a layer of " + summary.name());
        }
        return new RootfsLayerReader(root);
    }

    @Override
    public void close() {
        // nothing is held open
    }
}
