package dev.plimsoll.image.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.ImageConfig;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.image.ImageLimits;
import dev.plimsoll.image.blob.BlobSource;
import dev.plimsoll.image.config.ConfigParser;
import dev.plimsoll.image.json.Fields;
import dev.plimsoll.image.json.JsonDocuments;
import dev.plimsoll.image.json.JsonDocuments.Document;
import dev.plimsoll.image.layer.BlobImage;
import dev.plimsoll.image.layer.LayerBlob;
import dev.plimsoll.image.layer.Verification;
import dev.plimsoll.image.ref.References;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Resolves an OCI image layout to one image: index.json, then nested indexes (by reference name, then by
 * platform), then manifest and config. Every blob read is checked against the size and digest that name it.
 * One resolver serves one open.
 */
public final class OciResolver {
    /**
     * Bounds the descriptors one resolution visits: nested indexes may repeat a digest, so a few small documents
     * could otherwise fan out into billions of visits.
     */
    static final int MAX_DESCRIPTORS = 10_000;

    private final JsonDocuments json;
    private final ImageLimits limits;
    private final String image;
    private final BlobStore store;
    private final Map<Digest, Document> documents = new HashMap<>();
    private int visited;

    public OciResolver(JsonDocuments json, ImageLimits limits, String image, BlobStore store) {
        this.json = json;
        this.limits = limits;
        this.image = image;
        this.store = store;
    }

    /** A manifest that could be the image, and the index.json entry it was reached from. */
    private record Candidate(Descriptor manifest, Descriptor top) {
    }

    /** The image's manifest and config, read and checked. */
    private record Manifest(Descriptor config, List<Descriptor> layers, ImageConfig imageConfig) {
    }

    /**
     * @param sourceKind "oci" or "oci-archive", for the summary
     * @param resources  closed with the image
     */
    public BlobImage open(Optional<String> reference, Platform platform, String sourceKind, Closeable resources) {
        checkLayoutVersion();
        BlobSource indexFile = store.file("index.json").orElseThrow(() -> new ImageException(image,
                "not an OCI image layout: index.json is missing from " + store.describe()));
        Document index = json.read(image, indexFile, "index.json", Optional.empty());
        Fields f = new Fields(image, "index.json");
        List<Descriptor> top = Descriptor.parseAll(f, f.root(index.root()), "manifests");
        List<Candidate> candidates = new ArrayList<>();
        for (Descriptor d : byReference(top, reference)) {
            expand(d, d, 0, candidates);
        }
        Candidate chosen = choose(candidates, platform);
        return build(chosen, sourceKind, resources);
    }

    /**
     * Resolves from one descriptor instead of index.json: a registry's manifest or index, fetched by tag or
     * digest. Its annotations name the image for the summary ({@link Descriptor#CONTAINERD_NAME}).
     */
    public BlobImage openDescriptor(Descriptor root, Platform platform, String sourceKind, Closeable resources) {
        List<Candidate> candidates = new ArrayList<>();
        expand(root, root, 0, candidates);
        return build(choose(candidates, platform), sourceKind, resources);
    }

    private void checkLayoutVersion() {
        BlobSource layout = store.file("oci-layout").orElseThrow(() -> new ImageException(image,
                "not an OCI image layout: oci-layout is missing from " + store.describe()));
        Fields f = new Fields(image, "oci-layout");
        JsonNode root = f.root(json.read(image, layout, "oci-layout", Optional.empty()).root());
        String version = f.requiredString(root, "imageLayoutVersion", "");
        if (!version.startsWith("1.")) {
            throw new ImageException(image, "unsupported OCI image layout version " + version);
        }
    }

    private List<Descriptor> byReference(List<Descriptor> top, Optional<String> reference) {
        List<String> names = top.stream().map(Descriptor::refName).flatMap(Optional::stream).distinct().toList();
        if (reference.isPresent()) {
            String ref = reference.get();
            List<Descriptor> matched = top.stream().filter(d -> References.matchesRefName(d.refName(),
                    Optional.ofNullable(d.annotations().get(Descriptor.CONTAINERD_NAME)), ref)).toList();
            if (matched.isEmpty()) {
                throw new ImageException(image, "no image named '" + ref + "' in " + store.describe()
                        + (names.isEmpty() ? "; the layout names no images" : "; available: " + String.join(", ", names)));
            }
            return matched;
        }
        if (names.size() > 1) {
            throw new ImageException(image, store.describe() + " holds several images (" + String.join(", ", names)
                    + "); name one after the path, e.g. oci:PATH:" + names.get(0));
        }
        return top;
    }

    /** Collects the image manifests below a descriptor, skipping attestations and non-image artifacts. */
    private void expand(Descriptor d, Descriptor top, int depth, List<Candidate> out) {
        if (++visited > MAX_DESCRIPTORS) {
            throw new ImageException(image, "the image indexes of " + store.describe() + " list more than "
                    + MAX_DESCRIPTORS + " manifests");
        }
        if (d.isAttestation()) {
            return;
        }
        switch (kind(d)) {
            case INDEX -> {
                if (depth + 1 > limits.maxIndexDepth()) {
                    throw new ImageException(image, "image indexes nest deeper than " + limits.maxIndexDepth()
                            + " levels at " + d.digest());
                }
                Document nested = document(d, "index");
                Fields f = new Fields(image, "index " + d.digest());
                for (Descriptor child : Descriptor.parseAll(f, f.root(nested.root()), "manifests")) {
                    expand(child, top, depth + 1, out);
                }
            }
            case MANIFEST -> out.add(new Candidate(d, top));
            case SCHEMA1 -> throw schema1(d.digest());
            case OTHER -> {
                // signatures, SBOMs and other artifacts stored beside images
            }
        }
    }

    /** The descriptor's media type, or, when it states none, what the document itself says it is. */
    private MediaTypes.Kind kind(Descriptor d) {
        if (d.mediaType().isPresent()) {
            return MediaTypes.kind(d.mediaType().get());
        }
        JsonNode root = document(d, "manifest").root();
        JsonNode mediaType = root.get("mediaType");
        if (mediaType != null && mediaType.isTextual()) {
            return MediaTypes.kind(mediaType.textValue());
        }
        JsonNode schema = root.get("schemaVersion");
        if (schema != null && schema.asInt() == 1) {
            return MediaTypes.Kind.SCHEMA1;
        }
        if (root.has("manifests")) {
            return MediaTypes.Kind.INDEX;
        }
        return root.has("layers") || root.has("config") ? MediaTypes.Kind.MANIFEST : MediaTypes.Kind.OTHER;
    }

    private Candidate choose(List<Candidate> candidates, Platform wanted) {
        if (candidates.isEmpty()) {
            throw new ImageException(image, "no image manifest in " + store.describe());
        }
        if (candidates.size() == 1) {
            // no choice to make: the image is what it is, and its summary reports its real platform
            return candidates.get(0);
        }
        List<String> offered = new ArrayList<>();
        for (Candidate c : candidates) {
            Platform p = c.manifest().platform().orElseGet(() -> manifest(c.manifest()).imageConfig().platform());
            if (wanted.matches(p)) {
                return c;
            }
            offered.add(p.toString());
        }
        throw new ImageException(image, "no image for platform " + wanted + " in " + store.describe()
                + "; available: " + String.join(", ", offered.stream().distinct().toList()));
    }

    private BlobImage build(Candidate c, String sourceKind, Closeable resources) {
        Manifest m = manifest(c.manifest());
        List<Optional<String>> commands = ConfigParser.layerCommands(m.imageConfig(), m.layers().size());
        List<LayerRef> refs = new ArrayList<>();
        List<LayerBlob> blobs = new ArrayList<>();
        for (int i = 0; i < m.layers().size(); i++) {
            Descriptor l = m.layers().get(i);
            String mediaType = l.mediaType().orElse("");
            if (!mediaType.isEmpty() && !MediaTypes.isReadableLayer(mediaType)) {
                throw new ImageException(image, "layer " + l.digest() + " has media type " + mediaType
                        + ", which is not a readable layer tar");
            }
            BlobSource source = blob(l, "layer");
            refs.add(new LayerRef(i, Optional.of(l.digest()), Optional.of(m.imageConfig().diffIds().get(i)),
                    source.size(), l.mediaType(), commands.get(i)));
            blobs.add(new LayerBlob(source, Verification.stored(l.digest())));
        }
        ImageSummary summary = new ImageSummary(image, sourceKind, repoTags(c.top()),
                Optional.of(c.manifest().digest()), Optional.of(m.config().digest()), m.imageConfig().platform(),
                Optional.ofNullable(c.top().annotations().get(ImageSummary.BASE_NAME)));
        return new BlobImage(summary, m.imageConfig(), refs, blobs, limits, resources);
    }

    private Manifest manifest(Descriptor d) {
        Document doc = document(d, "manifest");
        Fields f = new Fields(image, "manifest " + d.digest());
        JsonNode root = f.root(doc.root());
        OptionalLong schema = f.integer(root, "schemaVersion", "");
        if (schema.isPresent() && schema.getAsLong() == 1) {
            throw schema1(d.digest());
        }
        Optional<String> mediaType = f.string(root, "mediaType", "");
        if (mediaType.isPresent() && MediaTypes.kind(mediaType.get()) != MediaTypes.Kind.MANIFEST) {
            if (MediaTypes.kind(mediaType.get()) == MediaTypes.Kind.SCHEMA1) {
                throw schema1(d.digest());
            }
            throw f.error("mediaType", "is " + mediaType.get() + ", not an image manifest");
        }
        JsonNode configNode = f.object(root, "config", "").orElseThrow(() -> f.error("config", "is missing"));
        Descriptor config = Descriptor.parse(f, configNode, "config");
        config.mediaType().filter(t -> !MediaTypes.isImageConfig(t)).ifPresent(t -> {
            throw new ImageException(image, "manifest " + d.digest() + " is not a container image: its config has"
                    + " media type " + t);
        });
        List<Descriptor> layers = Descriptor.parseAll(f, root, "layers");
        Document configDoc = document(config, "config");
        ImageConfig imageConfig = ConfigParser.parse(new Fields(image, "config " + config.digest()),
                configDoc.root(), d.platform());
        if (imageConfig.diffIds().size() != layers.size()) {
            throw new ImageException(image, "manifest " + d.digest() + " lists " + layers.size()
                    + " layers but config " + config.digest() + " has " + imageConfig.diffIds().size()
                    + " rootfs.diff_ids");
        }
        return new Manifest(config, layers, imageConfig);
    }

    private Document document(Descriptor d, String role) {
        Document cached = documents.get(d.digest());
        if (cached != null) {
            return cached;
        }
        Document doc = json.read(image, blob(d, role), role + " " + d.digest(), Optional.of(d.digest()));
        documents.put(d.digest(), doc);
        return doc;
    }

    /** The blob a descriptor names: present, and of the size the descriptor states. */
    private BlobSource blob(Descriptor d, String role) {
        boolean manifest = role.equals("manifest") || role.equals("index");
        BlobSource source = store.blob(d, manifest).orElseThrow(() -> new ImageException(image, role + " blob "
                + d.digest() + " is missing from " + store.describe() + " (" + BlobStore.blobPath(d.digest()) + ")"));
        if (d.size() >= 0 && source.size() != d.size()) {
            throw new ImageException(image, role + " blob " + d.digest() + " has " + source.size()
                    + " bytes, but its descriptor says " + d.size());
        }
        return source;
    }

    private static List<String> repoTags(Descriptor top) {
        String full = top.annotations().get(Descriptor.CONTAINERD_NAME);
        return full != null ? List.of(full) : top.refName().map(List::of).orElse(List.of());
    }

    private ImageException schema1(Digest digest) {
        return new ImageException(image, "manifest " + digest + " is a Docker schema 1 manifest, which is"
                + " deprecated and not supported; convert the image (e.g. skopeo copy) to schema 2 or OCI");
    }
}
