package dev.plimsoll.check.cis.input.compose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A YAML value with aliases and merge keys already applied, and where it was written. */
sealed interface YamlNode {
    Position position();

    /** @param file the file name as shown to the user; @param line 1-based */
    record Position(String file, int line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    /**
     * A scalar's text as written (quotes removed), so Compose's own typing applies, not YAML 1.1's ("22:22" is a
     * port mapping, not the sexagesimal number 1342). {@code isNull} for an empty value, "~" or "null".
     */
    record Scalar(String text, boolean isNull, boolean quoted, Position position) implements YamlNode {
        public Scalar {
            Objects.requireNonNull(text);
        }

        Scalar withText(String newText) {
            return new Scalar(newText, false, quoted, position);
        }
    }

    record Sequence(List<YamlNode> items, Position position) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** Keys keep their order; a {@link LinkedHashMap} copy is made so the map is never shared. */
    record Mapping(Map<String, YamlNode> entries, Position position) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        YamlNode get(String key) {
            return entries.get(key);
        }
    }
}
