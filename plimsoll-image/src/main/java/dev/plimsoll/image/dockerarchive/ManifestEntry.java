package dev.plimsoll.image.dockerarchive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.image.json.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One image of a docker-archive's manifest.json.
 *
 * @param config       archive path of the config
 * @param repoTags     the image's tags, possibly none
 * @param layers       archive paths of the layer tars, base first
 * @param layerTypes   media types by blob digest, from Docker 25+'s LayerSources
 */
record ManifestEntry(String config, List<String> repoTags, List<String> layers, Map<String, String> layerTypes) {

    static List<ManifestEntry> parseAll(Fields f, JsonNode root) {
        if (!root.isArray()) {
            throw f.error("(root)", "must be an array of images");
        }
        List<ManifestEntry> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            String p = "[" + i + "]";
            JsonNode e = root.get(i);
            if (!e.isObject()) {
                throw f.error(p, "must be an object");
            }
            Map<String, String> types = new LinkedHashMap<>();
            f.object(e, "LayerSources", p).ifPresent(sources -> sources.properties().forEach(s -> {
                if (s.getValue().isObject()) {
                    f.string(s.getValue(), "mediaType", p + ".LayerSources." + s.getKey())
                            .ifPresent(t -> types.put(s.getKey(), t));
                }
            }));
            out.add(new ManifestEntry(f.requiredString(e, "Config", p), f.strings(e, "RepoTags", p),
                    f.strings(e, "Layers", p), types));
        }
        return out;
    }

    /** How lists of images name this one: its first tag, or its position as {@code @N}. */
    String label(int position) {
        return repoTags.isEmpty() ? "@" + position : String.join(" ", repoTags);
    }

    Optional<String> mediaTypeOf(String digest) {
        return Optional.ofNullable(layerTypes.get(digest));
    }
}
