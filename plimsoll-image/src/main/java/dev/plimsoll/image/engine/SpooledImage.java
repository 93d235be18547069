package dev.plimsoll.image.engine;

import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.ImageConfig;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.LayerRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An image read from a temporary copy of an engine's {@code docker save} stream: the copy is deleted when the
 * image is closed. Its summary names the engine as the source and carries the registry digest the engine recorded.
 */
final class SpooledImage implements Image {
    private final Image archive;
    private final Path spool;
    private final ImageSummary summary;

    SpooledImage(Image archive, Path spool, String engine, Optional<Digest> repoDigest) {
        this.archive = archive;
        this.spool = spool;
        ImageSummary read = archive.summary();
        this.summary = new ImageSummary(read.name(), engine, read.repoTags(),
                read.manifestDigest().or(() -> repoDigest), read.configDigest(), read.platform(), read.baseImage());
    }

    @Override
    public ImageSummary summary() {
        return summary;
    }

    @Override
    public ImageConfig config() {
        return archive.config();
    }

    @Override
    public List<LayerRef> layers() {
        return archive.layers();
    }

    @Override
    public LayerReader openLayer(LayerRef layer) throws IOException {
        return archive.openLayer(layer);
    }

    @Override
    public void prefetch(List<LayerRef> layers) {
        archive.prefetch(layers);
    }

    @Override
    public void close() throws IOException {
        try {
            archive.close();
        } finally {
            Files.deleteIfExists(spool);
        }
    }
}
