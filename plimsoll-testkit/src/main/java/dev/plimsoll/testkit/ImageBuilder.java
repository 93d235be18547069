package dev.plimsoll.testkit;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.core.image.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds one image and writes it in every source format: docker-archive (classic and Docker 25+), OCI layout
 * directory and OCI archive, each outer archive plain, gzip or zstd. Knobs corrupt it for hostile tests.
 * Several images in one layout or archive: {@link ImageIndexBuilder}.
 */
public final class ImageBuilder {
    static final ObjectWriter JSON = JsonMapper.builder().build().writer();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Compression of a layer blob or an outer archive. */
    public enum Compression {
        NONE, GZIP, ZSTD;

        public byte[] apply(byte[] data) {
            return switch (this) {
                case NONE -> data;
                case GZIP -> TarBuilder.gzip(data);
                case ZSTD -> TarBuilder.zstd(data);
            };
        }

        String ociLayerType() {
            return switch (this) {
                case NONE -> "application/vnd.oci.image.layer.v1.tar";
                case GZIP -> "application/vnd.oci.image.layer.v1.tar+gzip";
                case ZSTD -> "application/vnd.oci.image.layer.v1.tar+zstd";
            };
        }
    }

    private record Layer(byte[] tar, Compression compression, String createdBy) {
    }

    private final List<Layer> layers = new ArrayList<>();
    private final List<ObjectNode> history = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private final ObjectNode runConfig = NODES.objectNode();
    private String os = "linux";
    private String architecture = "amd64";
    private String variant;
    private boolean dockerMediaTypes;
    private String rawConfig;
    private final Map<Integer, byte[]> tampered = new HashMap<>();
    private final Set<Integer> missing = new HashSet<>();
    private final Map<Integer, Integer> truncated = new HashMap<>();

    public static ImageBuilder image() {
        return new ImageBuilder();
    }

    // ---- content

    /** An uncompressed layer. */
    public ImageBuilder layer(byte[] tar) {
        return layer(tar, Compression.NONE);
    }

    public ImageBuilder layer(byte[] tar, Compression compression) {
        return layer(tar, compression, "layer " + layers.size());
    }

    /** A layer and the history entry (created_by) that made it. */
    public ImageBuilder layer(byte[] tar, Compression compression, String createdBy) {
        layers.add(new Layer(tar, compression, createdBy));
        ObjectNode h = NODES.objectNode().put("created", "2024-01-01T00:00:00Z").put("created_by", createdBy);
        history.add(h);
        return this;
    }

    /** A history entry that made no layer (ENV, CMD, ...). */
    public ImageBuilder emptyLayerHistory(String createdBy) {
        history.add(NODES.objectNode().put("created_by", createdBy).put("empty_layer", true));
        return this;
    }

    /** "linux/arm64/v8" style. */
    public ImageBuilder platform(String platform) {
        String[] p = platform.split("/");
        os = p[0];
        architecture = p[1];
        variant = p.length > 2 ? p[2] : null;
        return this;
    }

    /** A RepoTag (docker-archive) / ref name annotation (OCI) for the image. */
    public ImageBuilder tag(String tag) {
        tags.add(tag);
        return this;
    }

    public ImageBuilder user(String user) {
        runConfig.put("User", user);
        return this;
    }

    public ImageBuilder workingDir(String dir) {
        runConfig.put("WorkingDir", dir);
        return this;
    }

    public ImageBuilder env(String... entries) {
        strings("Env", entries);
        return this;
    }

    public ImageBuilder entrypoint(String... words) {
        strings("Entrypoint", words);
        return this;
    }

    public ImageBuilder cmd(String... words) {
        strings("Cmd", words);
        return this;
    }

    public ImageBuilder exposedPort(String port) {
        objectField("ExposedPorts").putObject(port);
        return this;
    }

    public ImageBuilder volume(String path) {
        objectField("Volumes").putObject(path);
        return this;
    }

    public ImageBuilder label(String key, String value) {
        objectField("Labels").put(key, value);
        return this;
    }

    public ImageBuilder stopSignal(String signal) {
        runConfig.put("StopSignal", signal);
        return this;
    }

    /** Durations are written in nanoseconds, as Docker does. */
    public ImageBuilder healthcheck(List<String> test, Duration interval, Duration timeout, Duration startPeriod,
                                    int retries) {
        ObjectNode h = runConfig.putObject("Healthcheck");
        ArrayNode t = h.putArray("Test");
        test.forEach(t::add);
        h.put("Interval", interval.toNanos()).put("Timeout", timeout.toNanos())
                .put("StartPeriod", startPeriod.toNanos()).put("Retries", retries);
        return this;
    }

    /** Docker v2 schema 2 media types instead of OCI ones in the manifest. */
    public ImageBuilder dockerMediaTypes() {
        dockerMediaTypes = true;
        return this;
    }

    // ---- faults

    /** The config document is exactly this text (malformed JSON, wrong types); digests still match it. */
    public ImageBuilder rawConfig(String json) {
        rawConfig = json;
        return this;
    }

    /**
     * Layer {@code index} is stored as {@code replacementTar} (compressed like the layer), while the manifest and
     * config keep the original's digest and diff id; descriptor sizes follow the stored bytes, so only the digest
     * check can notice.
     */
    public ImageBuilder tamperLayer(int index, byte[] replacementTar) {
        tampered.put(index, replacementTar);
        return this;
    }

    /** Layer {@code index} is listed but its blob is not written. */
    public ImageBuilder missingLayerBlob(int index) {
        missing.add(index);
        return this;
    }

    /**
     * Layer {@code index} is stored cut to {@code keepBytes}, and described honestly (digest and size of the cut
     * bytes), so the failure comes from decompression or tar parsing, not from a digest check.
     */
    public ImageBuilder truncateLayer(int index, int keepBytes) {
        truncated.put(index, keepBytes);
        return this;
    }

    // ---- writing

    /** Classic {@code docker save}: manifest.json, {@code <config>.json}, {@code <id>/layer.tar}. */
    public void writeDockerArchive(Path file, Compression outer) {
        FileSet files = new FileSet();
        ImageIndexBuilder.addDockerImage(files, build(), false);
        files.writeTar(file, outer);
    }

    /**
     * Classic layout as skopeo writes it: layers stored as {@code <diffid>.tar}, with {@code <id>/layer.tar}
     * symlinks to them that manifest.json lists.
     */
    public void writeDockerArchiveWithLinks(Path file, Compression outer) {
        FileSet files = new FileSet();
        ImageIndexBuilder.addDockerImage(files, build(), true);
        files.writeTar(file, outer);
    }

    /** Docker 25+ {@code docker save}: an OCI layout plus a manifest.json whose paths point into it. */
    public void writeDockerArchiveOciLayout(Path file, Compression outer) {
        Built b = build();
        FileSet files = new FileSet();
        ImageIndexBuilder.addOciBlobs(files, b);
        files.put("oci-layout", ImageIndexBuilder.OCI_LAYOUT);
        ArrayNode manifests = NODES.arrayNode();
        manifests.add(b.descriptor(tags.isEmpty() ? null : tags.get(0), false));
        files.put("index.json", ImageIndexBuilder.index(manifests));
        ObjectNode entry = NODES.objectNode();
        entry.put("Config", "blobs/sha256/" + b.config().hex());
        ArrayNode repoTags = entry.putArray("RepoTags");
        tags.forEach(repoTags::add);
        ArrayNode paths = entry.putArray("Layers");
        ObjectNode sources = entry.putObject("LayerSources");
        for (StoredLayer l : b.layers()) {
            paths.add("blobs/sha256/" + l.digest().hex());
            sources.putObject(l.digest().toString()).put("mediaType", l.mediaType())
                    .put("size", l.size()).put("digest", l.digest().toString());
        }
        files.put("manifest.json", json(NODES.arrayNode().add(entry)));
        files.writeTar(file, outer);
    }

    /** An OCI image layout directory holding this image, named by its first tag if any. */
    public void writeOciLayout(Path dir) {
        ImageIndexBuilder.index().add(this).writeOciLayout(dir);
    }

    public void writeOciArchive(Path file, Compression outer) {
        ImageIndexBuilder.index().add(this).writeOciArchive(file, outer);
    }

    // ---- the blobs

    /** One layer as stored: the bytes written, and what manifest and config say of them. */
    record StoredLayer(byte[] stored, Digest digest, long size, String mediaType, Digest diffId, boolean missing) {
    }

    /** Everything an image consists of, ready to be laid out in any format. */
    record Built(Blob config, List<StoredLayer> layers, Blob manifest, String os, String architecture,
                 String variant, List<String> tags, String manifestMediaType) {

        ObjectNode descriptor(String refName, boolean withPlatform) {
            ObjectNode d = ImageIndexBuilder.descriptor(manifestMediaType, manifest);
            if (withPlatform) {
                ObjectNode p = d.putObject("platform").put("os", os).put("architecture", architecture);
                if (variant != null) {
                    p.put("variant", variant);
                }
            }
            if (refName != null) {
                d.putObject("annotations").put("org.opencontainers.image.ref.name", refName);
            }
            return d;
        }
    }

    /** Bytes and their digest. */
    record Blob(byte[] bytes, Digest digest) {
        static Blob of(byte[] bytes) {
            return new Blob(bytes, sha256(bytes));
        }

        String hex() {
            return digest.hex();
        }
    }

    Built build() {
        List<StoredLayer> stored = new ArrayList<>();
        ArrayNode diffIds = NODES.arrayNode();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            Digest diffId = sha256(l.tar());
            diffIds.add(diffId.toString());
            byte[] blob = l.compression().apply(l.tar());
            byte[] declared = blob;
            if (truncated.containsKey(i)) {
                blob = Arrays.copyOf(blob, Math.min(blob.length, truncated.get(i)));
                declared = blob;
            }
            if (tampered.containsKey(i)) {
                blob = l.compression().apply(tampered.get(i));
            }
            String type = dockerMediaTypes && l.compression() == Compression.GZIP
                    ? "application/vnd.docker.image.rootfs.diff.tar.gzip" : l.compression().ociLayerType();
            stored.add(new StoredLayer(blob, sha256(declared), blob.length, type, diffId, missing.contains(i)));
        }
        Blob config = Blob.of(rawConfig != null ? rawConfig.getBytes(StandardCharsets.UTF_8) : config(diffIds));
        String manifestType = dockerMediaTypes ? "application/vnd.docker.distribution.manifest.v2+json"
                : "application/vnd.oci.image.manifest.v1+json";
        ObjectNode manifest = NODES.objectNode().put("schemaVersion", 2).put("mediaType", manifestType);
        manifest.set("config", ImageIndexBuilder.descriptor(dockerMediaTypes
                ? "application/vnd.docker.container.image.v1+json" : "application/vnd.oci.image.config.v1+json", config));
        ArrayNode ls = manifest.putArray("layers");
        for (StoredLayer l : stored) {
            ls.addObject().put("mediaType", l.mediaType()).put("digest", l.digest().toString()).put("size", l.size());
        }
        return new Built(config, stored, Blob.of(json(manifest)), os, architecture, variant, List.copyOf(tags),
                manifestType);
    }

    private byte[] config(ArrayNode diffIds) {
        ObjectNode c = NODES.objectNode().put("created", "2024-01-01T00:00:00Z").put("architecture", architecture)
                .put("os", os);
        if (variant != null) {
            c.put("variant", variant);
        }
        c.set("config", runConfig.deepCopy());
        c.putObject("rootfs").put("type", "layers").set("diff_ids", diffIds);
        ArrayNode h = c.putArray("history");
        history.forEach(h::add);
        return json(c);
    }

    private void strings(String field, String... values) {
        ArrayNode a = runConfig.putArray(field);
        for (String v : values) {
            a.add(v);
        }
    }

    private ObjectNode objectField(String field) {
        return runConfig.has(field) ? (ObjectNode) runConfig.get(field) : runConfig.putObject(field);
    }

    static byte[] json(Object node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Digest sha256(byte[] bytes) {
        try {
            return Digest.sha256(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Files to lay out in a directory or a tar, in order; symlinks by target. */
    static final class FileSet {
        private final Map<String, byte[]> files = new LinkedHashMap<>();
        private final Map<String, String> links = new LinkedHashMap<>();

        void put(String name, byte[] bytes) {
            files.put(name, bytes);
        }

        void symlink(String name, String target) {
            links.put(name, target);
        }

        void writeTo(Path dir) {
            try {
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    Path p = dir.resolve(f.getKey());
                    Files.createDirectories(p.getParent());
                    Files.write(p, f.getValue());
                }
                for (Map.Entry<String, String> l : links.entrySet()) {
                    Path p = dir.resolve(l.getKey());
                    Files.createDirectories(p.getParent());
                    Files.createSymbolicLink(p, Path.of(l.getValue()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void writeTar(Path file, Compression outer) {
            TarBuilder tar = TarBuilder.tar();
            files.forEach(tar::file);
            links.forEach(tar::symlink);
            try {
                Files.write(file, outer.apply(tar.build()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
