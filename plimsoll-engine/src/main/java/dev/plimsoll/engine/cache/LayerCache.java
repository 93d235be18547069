package dev.plimsoll.engine.cache;

import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.fs.InterestIndex;
import dev.plimsoll.image.registry.DocumentCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the scan reads of each layer, kept on disk by the layer's diff id and the analyzers' ids, versions and
 * interests: every entry header (so whiteouts, opaque directories and shadowing apply exactly as before, however
 * the layers above change) and the bytes of the entries some analyzer may read. A layer found here is replayed
 * instead of fetched and decompressed; the squash and the analyzers run on the replay as on the blob, so the
 * result is the same by construction — caching analyzer outputs per layer could not be, since a later layer can
 * delete or replace what an earlier one installed.
 * <p>
 * Entries are written to a temporary file and renamed into place only after the layer's digest was verified at
 * its end; each carries a CRC-32C, checked before use, so a damaged entry is deleted and the layer read again. The
 * directory is bounded: the least recently used entries go when it grows past {@code maxBytes}.
 * <p>
 * Beside the layers it keeps, per image, what the analyzers made of the whole image ({@link StoredAnalysis}),
 * keyed by everything that decides it: the config digest (which covers the diff ids), every layer reference, the
 * target the findings name, and the analyzers and walk limits. A second scan of the same image then reads no layer
 * at all; an image that only shares layers replays those. The registry's {@link DocumentCache} keeps image configs
 * and manifests named by digest in the same directory, within the same bound.
 */
public final class LayerCache {
    /** Bumped when the entry format or what goes into the key changes. */
    static final int FORMAT = 1;
    public static final long DEFAULT_MAX_BYTES = 10L << 30;
    static final String SUFFIX = ".layer";
    static final String RESULT_SUFFIX = ".result";
    private static final byte[] RESULT_MAGIC = ("plimsoll analysis cache " + FORMAT + "\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final Path directory;
    private final long maxBytes;

    public LayerCache(Path directory, long maxBytes) {
        this.directory = Objects.requireNonNull(directory);
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("cache bound must be positive");
        }
        this.maxBytes = maxBytes;
    }

    /** {@code $XDG_CACHE_HOME/plimsoll}, else {@code ~/.cache/plimsoll}: the root the layer cache lives under. */
    public static Path defaultRoot(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache")).resolve("plimsoll");
    }

    /** The cache under a root: its own subdirectory, so that cleaning it never touches the database beside it. */
    public static LayerCache under(Path root) {
        return new LayerCache(root.resolve("layers"), DEFAULT_MAX_BYTES);
    }

    public Path directory() {
        return directory;
    }

    /**
     * The image with its layers read through the cache.
     *
     * @param fingerprint what the analyzers are (ids, versions, interests); part of every key
     */
    public CachedImage wrap(Image image, InterestIndex interests, String fingerprint) {
        return new CachedImage(image, this, interests, fingerprint);
    }

    /** Deletes every entry, layers and analyses (and leftovers of interrupted writes); returns how many files went. */
    public int clean() throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path f : files) {
                if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && (f.getFileName().toString().endsWith(SUFFIX)
                        || f.getFileName().toString().endsWith(RESULT_SUFFIX)
                        || f.getFileName().toString().endsWith(DocumentCache.SUFFIX)
                        || f.getFileName().toString().endsWith(".tmp"))) {
                    Files.deleteIfExists(f);
                    n++;
                }
            }
        }
        return n;
    }

    /** The key of a layer: hex SHA-256 over the format, the diff id and the analyzers' fingerprint. */
    static Optional<String> key(LayerRef layer, String fingerprint) {
        if (layer.diffId().isEmpty()) {
            return Optional.empty();
        }
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((FORMAT + "\n" + layer.diffId().get() + "\n" + fingerprint).getBytes(StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(d.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /**
     * The key of an image's whole analysis; empty when the image has no config digest to pin it (a root
     * filesystem) or a layer without a diff id.
     *
     * @param analyzers what the analyzers and the walk are (ids, versions, interests, limits)
     */
    public static Optional<String> analysisKey(Image image, dev.plimsoll.core.finding.Target target,
                                               String analyzers) {
        Optional<Digest> config = image.summary().configDigest();
        if (config.isEmpty() || image.layers().stream().anyMatch(l -> l.diffId().isEmpty())) {
            return Optional.empty();
        }
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((FORMAT + "\nanalysis\n" + config.get() + "\n" + layersKey(image.layers()) + target + "\n"
                    + analyzers).getBytes(StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(d.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /**
     * The layers as canonical text, every field: written out because a record's toString format is unspecified
     * and its first call costs a fresh JVM a method-handle bootstrap the ahead-of-time cache does not keep.
     */
    private static String layersKey(List<LayerRef> layers) {
        StringBuilder sb = new StringBuilder();
        for (LayerRef l : layers) {
            sb.append("layer ").append(l.index())
                    .append(" digest:").append(l.digest().map(Digest::toString).orElse("-"))
                    .append(" diff-id:").append(l.diffId().map(Digest::toString).orElse("-"))
                    .append(" size:").append(l.size())
                    .append(" media-type:").append(l.mediaType().orElse("-"))
                    // length first: history text holds any character, a newline included
                    .append(" created-by:").append(l.createdBy().map(c -> c.length() + ":" + c).orElse("-"))
                    .append('\n');
        }
        return sb.toString();
    }

    /** A stored analysis that passes its checksum and reads back whole; a damaged one is deleted. */
    public Optional<StoredAnalysis> findAnalysis(String key) {
        Path file = directory.resolve(key + RESULT_SUFFIX);
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.READ, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (!LayerRecords.intact(channel)) {
                throw new IOException("checksum");
            }
            channel.position(0);
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                    java.nio.channels.Channels.newInputStream(channel), 1 << 16));
            if (!java.util.Arrays.equals(in.readNBytes(RESULT_MAGIC.length), RESULT_MAGIC)
                    || !LayerRecords.readString(in).equals(key)) {
                throw new IOException("not this entry");
            }
            StoredAnalysis stored = (StoredAnalysis) RecordCodec.read(in, StoredAnalysis.class);
            if (stored == null) {
                throw new IOException("empty");
            }
            touch(file);
            return Optional.of(stored);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // unreadable and undeletable: analysed again all the same
            }
            return Optional.empty();
        }
    }

    /**
     * Keeps an image's analysis (temporary file, then an atomic rename). Data the codec cannot store, or a disk
     * that refuses, leaves the cache without it: the next scan analyses again.
     */
    public void storeAnalysis(String key, StoredAnalysis analysis) {
        Path temporary = null;
        try {
            temporary = newTemporary(key);
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            try (java.io.OutputStream file = Files.newOutputStream(temporary)) {
                java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                        new java.util.zip.CheckedOutputStream(file, crc), 1 << 16));
                out.write(RESULT_MAGIC);
                LayerRecords.writeString(out, key);
                RecordCodec.write(out, StoredAnalysis.class, analysis);
                out.flush();
                file.write(java.nio.ByteBuffer.allocate(8).putLong(crc.getValue()).array());
            }
            Files.move(temporary, directory.resolve(key + RESULT_SUFFIX),
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            prune();
        } catch (IOException | RecordCodec.UnsupportedTypeException e) {
            // not cached: correct, only slower next time
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a leftover .tmp file; cache clean removes it
                }
            }
        }
    }

    Path entry(String key) {
        return directory.resolve(key + SUFFIX);
    }

    boolean has(String key) {
        return Files.isRegularFile(entry(key));
    }

    /** A fresh temporary file for an entry being written, in the cache directory so the rename is atomic. */
    Path newTemporary(String key) throws IOException {
        Files.createDirectories(directory);
        return Files.createTempFile(directory, key + "-", ".tmp");
    }

    /** Marks an entry as just used, for the eviction order. */
    void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException ignored) {
            // eviction order is a hint; a read-only cache still serves
        }
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Removes the least recently used entries until the directory is within its bound. */
    void prune() {
        List<Path> entries = new ArrayList<>();
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory,
                "*{" + SUFFIX + "," + RESULT_SUFFIX + "," + DocumentCache.SUFFIX + "}")) {
            for (Path f : files) {
                entries.add(f);
                total += Files.size(f);
            }
        } catch (IOException e) {
            return;
        }
        if (total <= maxBytes) {
            return;
        }
        entries.sort(Comparator.comparing(LayerCache::modified));
        for (Path f : entries) {
            if (total <= maxBytes) {
                break;
            }
            try {
                long size = Files.size(f);
                Files.deleteIfExists(f);
                total -= size;
            } catch (IOException ignored) {
                // another scan removed or is using it
            }
        }
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
