package dev.plimsoll.check.cis.input.compose;

import dev.plimsoll.check.cis.input.compose.YamlNode.Mapping;
import dev.plimsoll.check.cis.input.compose.YamlNode.Scalar;
import dev.plimsoll.check.cis.input.compose.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compose's merge of an extending service over its base: mappings merge key by key, scalars and the command-like
 * sequences are replaced, other sequences are appended without repeating equal entries (mounts on the same target
 * are then resolved by the mapper, the later winning).
 */
final class ServiceMerge {
    private static final Set<String> REPLACED_SEQUENCES = Set.of("command", "entrypoint", "test", "profiles");

    private ServiceMerge() {
    }

    static YamlNode merge(YamlNode base, YamlNode override, String key) {
        if (base instanceof Mapping b && override instanceof Mapping o) {
            Map<String, YamlNode> entries = new LinkedHashMap<>(b.entries());
            o.entries().forEach((k, v) -> entries.merge(k, v, (old, neu) -> merge(old, neu, k)));
            return new Mapping(entries, o.position());
        }
        if (base instanceof Sequence b && override instanceof Sequence o && !REPLACED_SEQUENCES.contains(key)) {
            List<YamlNode> items = new ArrayList<>(b.items());
            for (YamlNode item : o.items()) {
                if (items.stream().noneMatch(existing -> sameValue(existing, item))) {
                    items.add(item);
                }
            }
            return new Sequence(items, o.position());
        }
        return override;
    }

    private static boolean sameValue(YamlNode a, YamlNode b) {
        return a instanceof Scalar x && b instanceof Scalar y && x.text().equals(y.text());
    }
}
