package dev.plimsoll.testkit;

import static dev.plimsoll.testkit.ImageBuilder.NODES;
import static dev.plimsoll.testkit.ImageBuilder.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.testkit.ImageBuilder.Blob;
import dev.plimsoll.testkit.ImageBuilder.Built;
import dev.plimsoll.testkit.ImageBuilder.Compression;
import dev.plimsoll.testkit.ImageBuilder.FileSet;
import dev.plimsoll.testkit.ImageBuilder.StoredLayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several images in one OCI layout or archive: top-level manifests, nested multi-platform indexes (as buildx
 * writes them, optionally with attestation manifests), or several images in one docker-archive.
 */
public final class ImageIndexBuilder {
    static final byte[] OCI_LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);
    private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

    private sealed interface Entry permits Single, Nested {
    }

    private record Single(ImageBuilder image) implements Entry {
    }

    private record Nested(String refName, List<ImageBuilder> images) implements Entry {
    }

    private final List<Entry> entries = new ArrayList<>();
    private boolean platforms = true;
    private boolean attestations;

    public static ImageIndexBuilder index() {
        return new ImageIndexBuilder();
    }

    /** A top-level manifest, with its platform and, if tagged, its first tag as ref name. */
    public ImageIndexBuilder add(ImageBuilder image) {
        entries.add(new Single(image));
        return this;
    }

    /** A multi-platform image: a nested index of one manifest per image, named {@code refName} (or unnamed). */
    public ImageIndexBuilder addIndex(String refName, ImageBuilder... images) {
        entries.add(new Nested(refName, List.of(images)));
        return this;
    }

    /** Descriptors without a platform field: readers must look into the configs. */
    public ImageIndexBuilder withoutPlatforms() {
        platforms = false;
        return this;
    }

    /** BuildKit-style attestation manifests (platform unknown/unknown) beside each nested image. */
    public ImageIndexBuilder withAttestations() {
        attestations = true;
        return this;
    }

    public void writeOciLayout(Path dir) {
        files().writeTo(dir);
    }

    public void writeOciArchive(Path file, Compression outer) {
        files().writeTar(file, outer);
    }

    /** Several images in one classic docker-archive manifest.json. */
    public static void writeDockerArchive(Path file, Compression outer, ImageBuilder... images) {
        FileSet files = new FileSet();
        ArrayNode manifest = NODES.arrayNode();
        for (ImageBuilder image : images) {
            manifest.add(addDockerImage(files, image.build(), false));
        }
        files.put("manifest.json", json(manifest));
        files.writeTar(file, outer);
    }

    private FileSet files() {
        FileSet files = new FileSet();
        files.put("oci-layout", OCI_LAYOUT);
        ArrayNode manifests = NODES.arrayNode();
        for (Entry e : entries) {
            switch (e) {
                case Single s -> {
                    Built b = s.image().build();
                    addOciBlobs(files, b);
                    manifests.add(b.descriptor(b.tags().isEmpty() ? null : b.tags().get(0), platforms));
                }
                case Nested n -> {
                    ArrayNode children = NODES.arrayNode();
                    for (ImageBuilder image : n.images()) {
                        Built b = image.build();
                        addOciBlobs(files, b);
                        children.add(b.descriptor(null, platforms));
                        if (attestations) {
                            children.add(attestation(files, b));
                        }
                    }
                    Blob nested = Blob.of(index(children));
                    files.put("blobs/sha256/" + nested.hex(), nested.bytes());
                    ObjectNode d = descriptor(OCI_INDEX, nested);
                    if (n.refName() != null) {
                        d.putObject("annotations").put("org.opencontainers.image.ref.name", n.refName());
                    }
                    manifests.add(d);
                }
            }
        }
        files.put("index.json", index(manifests));
        return files;
    }

    /** An in-toto attestation manifest as BuildKit attaches it. */
    private static ObjectNode attestation(FileSet files, Built subject) {
        Blob config = Blob.of("{}".getBytes(StandardCharsets.UTF_8));
        ObjectNode m = NODES.objectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        m.set("config", descriptor("application/vnd.oci.image.config.v1+json", config));
        m.putArray("layers");
        Blob manifest = Blob.of(json(m));
        files.put("blobs/sha256/" + config.hex(), config.bytes());
        files.put("blobs/sha256/" + manifest.hex(), manifest.bytes());
        ObjectNode d = descriptor("application/vnd.oci.image.manifest.v1+json", manifest);
        d.putObject("platform").put("os", "unknown").put("architecture", "unknown");
        d.putObject("annotations").put("vnd.docker.reference.type", "attestation-manifest")
                .put("vnd.docker.reference.digest", subject.manifest().digest().toString());
        return d;
    }

    static void addOciBlobs(FileSet files, Built b) {
        files.put("blobs/sha256/" + b.config().hex(), b.config().bytes());
        files.put("blobs/sha256/" + b.manifest().hex(), b.manifest().bytes());
        for (StoredLayer l : b.layers()) {
            if (!l.missing()) {
                files.put("blobs/sha256/" + l.digest().hex(), l.stored());
            }
        }
    }

    /** Adds one image's files in the classic docker-archive layout; returns its manifest.json entry. */
    static ObjectNode addDockerImage(FileSet files, Built b, boolean linked) {
        files.put(b.config().hex() + ".json", b.config().bytes());
        ObjectNode entry = NODES.objectNode().put("Config", b.config().hex() + ".json");
        ArrayNode repoTags = entry.putArray("RepoTags");
        b.tags().forEach(repoTags::add);
        ArrayNode paths = entry.putArray("Layers");
        for (int i = 0; i < b.layers().size(); i++) {
            StoredLayer l = b.layers().get(i);
            // a v1-style layer id: anything unique will do
            String id = ImageBuilder.sha256((b.config().hex() + i).getBytes(StandardCharsets.UTF_8)).hex();
            String path = id + "/layer.tar";
            paths.add(path);
            if (linked) {
                files.symlink(path, "../" + l.diffId().hex() + ".tar");
            }
            if (!l.missing()) {
                files.put(linked ? l.diffId().hex() + ".tar" : path, l.stored());
            }
        }
        files.put("manifest.json", json(NODES.arrayNode().add(entry)));
        return entry;
    }

    static byte[] index(ArrayNode manifests) {
        ObjectNode index = NODES.objectNode().put("schemaVersion", 2).put("mediaType", OCI_INDEX);
        index.set("manifests", manifests);
        return json(index);
    }

    static ObjectNode descriptor(String mediaType, Blob blob) {
        return NODES.objectNode().put("mediaType", mediaType).put("digest", blob.digest().toString())
                .put("size", blob.bytes().length);
    }
}
