package dev.plimsoll.image.dockerarchive;

import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.ImageConfig;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.image.ImageLimits;
import dev.plimsoll.image.archive.ArchiveEntries;
import dev.plimsoll.image.blob.BlobSource;
import dev.plimsoll.image.config.ConfigParser;
import dev.plimsoll.image.json.Fields;
import dev.plimsoll.image.json.JsonDocuments;
import dev.plimsoll.image.json.JsonDocuments.Document;
import dev.plimsoll.image.layer.BlobImage;
import dev.plimsoll.image.layer.LayerBlob;
import dev.plimsoll.image.layer.Verification;
import dev.plimsoll.image.ref.References;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Reads a {@code docker save} archive through its manifest.json: the classic layout ({@code <hex>.json},
 * {@code <id>/layer.tar} or {@code <hex>.tar}) and the Docker 25+ one, whose paths point into an OCI layout
 * ({@code blobs/sha256/<hex>}). Layers named by a blob path are verified against that digest; others against
 * the config's diff id, over the uncompressed tar.
 */
public final class DockerArchiveReader {
    private static final Pattern BLOB_PATH = Pattern.compile("(?:^|.*/)blobs/([a-z0-9]+)/([a-f0-9]+)");
    private static final Pattern CONFIG_NAME = Pattern.compile("(?:^|.*/)([a-f0-9]{64})\\.json");
    private static final Pattern POSITION = Pattern.compile("@(\\d{1,9})");

    private final JsonDocuments json;
    private final ImageLimits limits;

    public DockerArchiveReader(JsonDocuments json, ImageLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    /** True when the archive has a manifest.json, the mark of a docker-archive. */
    public static boolean recognises(ArchiveEntries entries) {
        return entries.contains("manifest.json");
    }

    public BlobImage read(ArchiveEntries entries, String image, Optional<String> reference) {
        BlobSource manifestFile = entries.find("manifest.json").orElseThrow(() -> new ImageException(image,
                "not a docker-archive: manifest.json is missing"
                        + (entries.contains("index.json") ? " (it looks like an OCI archive: use oci-archive:)" : "")));
        Document manifest = json.read(image, manifestFile, "manifest.json", Optional.empty());
        Fields f = new Fields(image, "manifest.json");
        ManifestEntry entry = select(image, ManifestEntry.parseAll(f, manifest.root()), reference);

        BlobSource configFile = entries.find(entry.config()).orElseThrow(() -> new ImageException(image,
                "config " + entry.config() + " listed in manifest.json is missing from the archive"));
        Optional<Digest> named = configDigest(image, entry.config());
        Document configDoc = json.read(image, configFile, "config " + entry.config(), named);
        Digest configDigest = named.orElseGet(() -> sha256(configDoc.bytes()));
        ImageConfig config = ConfigParser.parse(new Fields(image, "config " + entry.config()), configDoc.root(),
                Optional.empty());
        if (config.diffIds().size() != entry.layers().size()) {
            throw new ImageException(image, "manifest.json lists " + entry.layers().size() + " layers but config "
                    + entry.config() + " has " + config.diffIds().size() + " rootfs.diff_ids");
        }

        List<Optional<String>> commands = ConfigParser.layerCommands(config, entry.layers().size());
        List<LayerRef> refs = new ArrayList<>();
        List<LayerBlob> blobs = new ArrayList<>();
        for (int i = 0; i < entry.layers().size(); i++) {
            String path = entry.layers().get(i);
            BlobSource source = entries.find(path).orElseThrow(() -> new ImageException(image, "layer " + path
                    + " listed in manifest.json is missing from the archive"));
            Digest diffId = config.diffIds().get(i);
            Optional<Digest> blobDigest = blobDigest(image, path);
            Digest digest = blobDigest.orElse(diffId);
            refs.add(new LayerRef(i, Optional.of(digest), Optional.of(diffId), source.size(),
                    entry.mediaTypeOf(digest.toString()), commands.get(i)));
            blobs.add(new LayerBlob(source, blobDigest.map(Verification::stored)
                    .orElseGet(() -> Verification.uncompressed(diffId))));
        }
        ImageSummary summary = new ImageSummary(image, "docker-archive", entry.repoTags(), Optional.empty(),
                Optional.of(configDigest), config.platform());
        return new BlobImage(summary, config, refs, blobs, limits, entries);
    }

    private static ManifestEntry select(String image, List<ManifestEntry> all, Optional<String> reference) {
        if (all.isEmpty()) {
            throw new ImageException(image, "manifest.json lists no images");
        }
        List<String> labels = IntStream.range(0, all.size()).mapToObj(i -> all.get(i).label(i)).toList();
        if (reference.isEmpty()) {
            if (all.size() > 1) {
                throw new ImageException(image, "the archive holds several images (" + String.join(", ", labels)
                        + "); name one after the path, e.g. docker-archive:PATH:" + firstName(all));
            }
            return all.get(0);
        }
        String ref = reference.get();
        Matcher position = POSITION.matcher(ref);
        if (position.matches()) {
            int i = Integer.parseInt(position.group(1));
            if (i >= all.size()) {
                throw new ImageException(image, "no image " + ref + ": the archive holds " + all.size());
            }
            return all.get(i);
        }
        List<ManifestEntry> matched = all.stream()
                .filter(e -> e.repoTags().stream().anyMatch(t -> References.matchesRepoTag(t, ref))).toList();
        if (matched.size() == 1) {
            return matched.get(0);
        }
        throw new ImageException(image, (matched.isEmpty() ? "no image named '" + ref + "'"
                : "'" + ref + "' names several images") + " in the archive; available: " + String.join(", ", labels));
    }

    private static String firstName(List<ManifestEntry> all) {
        return all.get(0).repoTags().isEmpty() ? "@0" : all.get(0).repoTags().get(0);
    }

    /** A config stored as {@code <hex>.json} or {@code blobs/sha256/<hex>} is named by its own digest. */
    private static Optional<Digest> configDigest(String image, String path) {
        Matcher m = CONFIG_NAME.matcher(path);
        return m.matches() ? Optional.of(new Digest("sha256", m.group(1))) : blobDigest(image, path);
    }

    private static Optional<Digest> blobDigest(String image, String path) {
        Matcher b = BLOB_PATH.matcher(path);
        if (!b.matches()) {
            return Optional.empty();
        }
        return Optional.of(parse(b).orElseThrow(() -> new ImageException(image, "archive path " + path
                + " names an invalid digest")));
    }

    private static Optional<Digest> parse(Matcher blobPath) {
        try {
            return Optional.of(new Digest(blobPath.group(1), blobPath.group(2)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Digest sha256(byte[] bytes) {
        try {
            return Digest.sha256(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
