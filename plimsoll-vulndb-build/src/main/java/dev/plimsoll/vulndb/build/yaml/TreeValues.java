package dev.plimsoll.vulndb.build.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Strict accessors for feed trees read from YAML or JSON, where a wrongly typed value means a malformed record. */
public final class TreeValues {
    private TreeValues() {
    }

    /**
     * {@code node.field} as a list of strings: absent or null gives an empty list, a single string a list of one.
     * Empty when the value has any other shape, or holds a non-string (YAML reads {@code 1.10} unquoted as the number
     * 1.1, so a number where a version belongs cannot be trusted).
     */
    public static Optional<List<String>> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.of(List.of());
        }
        if (value.isTextual()) {
            return Optional.of(value.asText().isBlank() ? List.of() : List.of(value.asText().strip()));
        }
        if (!value.isArray()) {
            return Optional.empty();
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                return Optional.empty();
            }
            if (!item.asText().isBlank()) {
                strings.add(item.asText().strip());
            }
        }
        return Optional.of(strings);
    }

    /** {@code node.field} as text when it is a string or a number (ids such as OSVDB 78121 are written bare). */
    public static Optional<String> scalar(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !(value.isTextual() || value.isIntegralNumber()) || value.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.asText().strip());
    }
}
