package dev.plimsoll.engine.cache;

import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.ImageConfig;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.fs.InterestIndex;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An image whose layers are replayed from the {@link LayerCache} when it has them and recorded into it when it
 * does not. Only the layers the cache lacks are prefetched, so a warm scan fetches no layer blob at all.
 */
public final class CachedImage implements Image {
    private static final int BUFFER = 256 * 1024;

    private final Image image;
    private final LayerCache cache;
    private final InterestIndex interests;
    private final String fingerprint;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    CachedImage(Image image, LayerCache cache, InterestIndex interests, String fingerprint) {
        this.image = image;
        this.cache = cache;
        this.interests = interests;
        this.fingerprint = fingerprint;
    }

    /** Layers replayed from the cache so far. */
    public int hits() {
        return hits.get();
    }

    /** Layers read from the image (and recorded) so far. */
    public int misses() {
        return misses.get();
    }

    @Override
    public ImageSummary summary() {
        return image.summary();
    }

    @Override
    public ImageConfig config() {
        return image.config();
    }

    @Override
    public List<LayerRef> layers() {
        return image.layers();
    }

    @Override
    public void prefetch(List<LayerRef> layers) {
        image.prefetch(layers.stream().filter(l -> LayerCache.key(l, fingerprint).map(k -> !cache.has(k))
                .orElse(true)).toList());
    }

    @Override
    public LayerReader openLayer(LayerRef layer) throws IOException {
        Optional<String> key = LayerCache.key(layer, fingerprint);
        if (key.isEmpty()) {
            return image.openLayer(layer);
        }
        Optional<LayerReader> replay = replay(key.get());
        if (replay.isPresent()) {
            hits.incrementAndGet();
            return replay.get();
        }
        misses.incrementAndGet();
        LayerReader reader = image.openLayer(layer);
        try {
            return new RecordingLayerReader(reader, cache, key.get(), interests);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * A replay of a stored entry that passes its checksum; a damaged one is deleted (and rewritten by this scan),
     * never used. The channel that was checked is the one replayed, so a concurrent rewrite cannot slip in.
     */
    private Optional<LayerReader> replay(String key) {
        Path entry = cache.entry(key);
        if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(entry, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            if (!LayerRecords.intact(channel)) {
                channel.close();
                Files.deleteIfExists(entry);
                return Optional.empty();
            }
            channel.position(0);
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), BUFFER));
            LayerRecords.readHeader(in, key);
            cache.touch(entry);
            return Optional.of(new ReplayedLayerReader(in));
        } catch (IOException e) {
            closeQuietly(channel);
            try {
                Files.deleteIfExists(entry);
            } catch (IOException ignored) {
                // unreadable and undeletable: the layer is read from the image all the same
            }
            return Optional.empty();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing over to the image
            }
        }
    }

    @Override
    public void close() throws IOException {
        image.close();
    }
}
