package dev.plimsoll.check.cis.input.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.check.cis.input.InvalidValueException;
import java.util.ArrayList;
import java.util.List;

/** Typed access by dotted path; a wrong type is an error naming the path, never a silent default. */
record JsonFields(JsonNode root, String prefix) {
    JsonFields(JsonNode root) {
        this(root, "");
    }

    JsonNode node(String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** Present and not null: Docker writes null for unset lists and maps. */
    boolean has(String path) {
        JsonNode node = node(path);
        return !node.isMissingNode() && !node.isNull();
    }

    private String name(String path) {
        return prefix.isEmpty() ? path : prefix + "." + path;
    }

    String text(String path) throws InvalidValueException {
        JsonNode node = node(path);
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw new InvalidValueException(name(path) + ": expected a string, found " + kind(node));
        }
        return node.asText();
    }

    boolean bool(String path) throws InvalidValueException {
        JsonNode node = node(path);
        if (!node.isBoolean()) {
            throw new InvalidValueException(name(path) + ": expected true or false, found " + kind(node));
        }
        return node.booleanValue();
    }

    long number(String path) throws InvalidValueException {
        JsonNode node = node(path);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidValueException(name(path) + ": expected a whole number, found " + kind(node));
        }
        return node.longValue();
    }

    List<String> strings(String path) throws InvalidValueException {
        JsonNode node = node(path);
        if (node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidValueException(name(path) + ": expected an array of strings, found " + kind(node));
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw new InvalidValueException(name(path) + ": expected strings, found " + kind(element));
            }
            values.add(element.asText());
        }
        return values;
    }

    List<JsonNode> objects(String path) throws InvalidValueException {
        JsonNode node = node(path);
        if (node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidValueException(name(path) + ": expected an array, found " + kind(node));
        }
        List<JsonNode> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isObject()) {
                throw new InvalidValueException(name(path) + ": expected objects, found " + kind(element));
            }
            values.add(element);
        }
        return values;
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "nothing";
        };
    }
}
