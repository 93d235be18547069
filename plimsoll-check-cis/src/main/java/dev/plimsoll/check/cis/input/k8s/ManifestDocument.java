package dev.plimsoll.check.cis.input.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * One document of a manifest file.
 *
 * @param number      1-based, as a person counts the documents between {@code ---} lines (an explicit {@code ---}
 *                    opens one even if only comments follow; blank text before the first does not)
 * @param line        1-based line where the document starts
 * @param objectLines the 1-based line of each mapping in {@code content} (identity keys), where the input had lines
 */
record ManifestDocument(int number, int line, JsonNode content, Map<JsonNode, Integer> objectLines) {
    ManifestDocument {
        Objects.requireNonNull(content);
        Objects.requireNonNull(objectLines);
    }

    /** The line {@code node} starts at, or the document's own line when unknown (JSON input). */
    int lineOf(JsonNode node) {
        return objectLines.getOrDefault(node, line);
    }
}
