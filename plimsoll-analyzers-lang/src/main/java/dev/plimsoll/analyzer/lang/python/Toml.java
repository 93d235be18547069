package dev.plimsoll.analyzer.lang.python;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TOML lockfiles (poetry.lock, uv.lock) read as a tree by Jackson's TOML 1.0 parser. The text is decoded before it
 * is parsed (malformed UTF-8 becomes U+FFFD), so the parser meets characters only and fails with its own exception;
 * nesting is bounded far below what the parser's recursion could overflow on, lockfiles nesting four levels deep.
 */
final class Toml {
    /** Immutable once built; one mapper serves every session. */
    private static final TomlMapper MAPPER = new TomlMapper(TomlFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build());

    private Toml() {
    }

    /** The document's root table. */
    static JsonNode read(String text) throws LockParseException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            throw new LockParseException("not valid TOML: " + e.getOriginalMessage(),
                    at == null ? 0 : Math.max(0, at.getLineNr()));
        }
        if (root == null || !root.isObject()) {
            throw new LockParseException("not a TOML document", 0);
        }
        return root;
    }

    /** The field's value if it is a string. */
    static Optional<String> string(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    /** The field's value if it is a table. */
    static Optional<JsonNode> table(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isObject() ? Optional.of(value) : Optional.empty();
    }

    /** The field's value if it is an array, else none. */
    static List<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isArray()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>(value.size());
        value.forEach(out::add);
        return out;
    }

    /**
     * The 1-based lines of the "[[NAME]]" headers, in order: the tree keeps no positions, but the i-th header opens
     * the i-th table of the array, so these give each package its line when their count matches the array's.
     */
    static List<Integer> headerLines(String text, String name) {
        String header = "[[" + name + "]]";
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (text.substring(start, end).strip().equals(header)) {
                lines.add(line);
            }
            line++;
            start = end + 1;
        }
        return lines;
    }
}
