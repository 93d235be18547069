package dev.plimsoll.image.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.image.json.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An OCI content descriptor as an index or manifest states it.
 *
 * @param size stored size in bytes, or -1 when the document leaves it out
 */
public record Descriptor(Optional<String> mediaType, Digest digest, long size, Optional<Platform> platform,
                         Map<String, String> annotations) {
    public static final String REF_NAME = "org.opencontainers.image.ref.name";
    public static final String CONTAINERD_NAME = "io.containerd.image.name";
    private static final String REFERENCE_TYPE = "vnd.docker.reference.type";

    public Descriptor {
        annotations = Map.copyOf(annotations);
    }

    public Optional<String> refName() {
        return Optional.ofNullable(annotations.get(REF_NAME));
    }

    /** BuildKit's provenance/SBOM attachments: listed in indexes beside the images, never images themselves. */
    public boolean isAttestation() {
        return "attestation-manifest".equals(annotations.get(REFERENCE_TYPE))
                || platform.map(p -> p.os().equals("unknown") && p.architecture().equals("unknown")).orElse(false);
    }

    public static Descriptor parse(Fields f, JsonNode node, String path) {
        if (!node.isObject()) {
            throw f.error(path, "must be an object");
        }
        String text = f.requiredString(node, "digest", path);
        Digest digest;
        try {
            digest = Digest.parse(text);
        } catch (IllegalArgumentException e) {
            throw f.error(path + ".digest", "is not a valid digest: " + e.getMessage());
        }
        OptionalLong size = f.integer(node, "size", path);
        if (size.isPresent() && size.getAsLong() < 0) {
            throw f.error(path + ".size", "must not be negative");
        }
        return new Descriptor(f.string(node, "mediaType", path), digest, size.orElse(-1),
                platform(f, node, path), f.stringMap(node, "annotations", path));
    }

    public static List<Descriptor> parseAll(Fields f, JsonNode parent, String field) {
        List<JsonNode> items = f.array(parent, field, "");
        List<Descriptor> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(parse(f, items.get(i), field + "[" + i + "]"));
        }
        return out;
    }

    private static Optional<Platform> platform(Fields f, JsonNode node, String path) {
        Optional<JsonNode> p = f.object(node, "platform", path);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        String at = path + ".platform";
        Optional<String> os = f.nonBlank(p.get(), "os", at);
        Optional<String> arch = f.nonBlank(p.get(), "architecture", at);
        if (os.isEmpty() || arch.isEmpty()) {
            throw f.error(at, "needs an os and an architecture");
        }
        return Optional.of(new Platform(os.get(), arch.get(), f.nonBlank(p.get(), "variant", at)));
    }
}
