package dev.plimsoll.image.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.error.ImageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Typed access to the fields of one JSON document: a missing or null field is empty, a field of the wrong type
 * is an error naming the document and the field path.
 *
 * @param image    image name for messages
 * @param document document name for messages
 */
public record Fields(String image, String document) {

    public ImageException error(String path, String problem) {
        return new ImageException(image, document + ": " + path + " " + problem);
    }

    /** The object root of the document. */
    public JsonNode root(JsonNode node) {
        if (!node.isObject()) {
            throw new ImageException(image, document + ": expected a JSON object, found " + kind(node));
        }
        return node;
    }

    public Optional<JsonNode> object(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (absent(n)) {
            return Optional.empty();
        }
        if (!n.isObject()) {
            throw error(path(path, field), "must be an object, found " + kind(n));
        }
        return Optional.of(n);
    }

    public List<JsonNode> array(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (absent(n)) {
            return List.of();
        }
        if (!n.isArray()) {
            throw error(path(path, field), "must be an array, found " + kind(n));
        }
        List<JsonNode> out = new ArrayList<>(n.size());
        n.forEach(out::add);
        return out;
    }

    public Optional<String> string(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (absent(n)) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw error(path(path, field), "must be a string, found " + kind(n));
        }
        return Optional.of(n.textValue());
    }

    public String requiredString(JsonNode parent, String field, String path) {
        return string(parent, field, path).orElseThrow(() -> error(path(path, field), "is missing"));
    }

    /** A string that is meaningful only when not blank ("User": "" means unset). */
    public Optional<String> nonBlank(JsonNode parent, String field, String path) {
        return string(parent, field, path).filter(s -> !s.isBlank());
    }

    public List<String> strings(JsonNode parent, String field, String path) {
        List<JsonNode> items = array(parent, field, path);
        List<String> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isTextual()) {
                throw error(path(path, field) + "[" + i + "]", "must be a string, found " + kind(item));
            }
            out.add(item.textValue());
        }
        return out;
    }

    public OptionalLong integer(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (absent(n)) {
            return OptionalLong.empty();
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw error(path(path, field), "must be an integer, found " + kind(n));
        }
        return OptionalLong.of(n.longValue());
    }

    public boolean bool(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (absent(n)) {
            return false;
        }
        if (!n.isBoolean()) {
            throw error(path(path, field), "must be true or false, found " + kind(n));
        }
        return n.booleanValue();
    }

    /** A map of string values; entries with a null value are left out. */
    public Map<String, String> stringMap(JsonNode parent, String field, String path) {
        Optional<JsonNode> obj = object(parent, field, path);
        Map<String, String> out = new LinkedHashMap<>();
        obj.ifPresent(o -> o.properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                if (!e.getValue().isTextual()) {
                    throw error(path(path, field) + "." + e.getKey(), "must be a string, found "
                            + kind(e.getValue()));
                }
                out.put(e.getKey(), e.getValue().textValue());
            }
        }));
        return out;
    }

    /** The keys of an object used as a set ({"80/tcp": {}}). */
    public Set<String> keys(JsonNode parent, String field, String path) {
        Set<String> out = new LinkedHashSet<>();
        object(parent, field, path).ifPresent(o -> o.properties().forEach(e -> out.add(e.getKey())));
        return out;
    }

    public static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    private static boolean absent(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "nothing";
            case BINARY -> "binary data";
        };
    }
}
