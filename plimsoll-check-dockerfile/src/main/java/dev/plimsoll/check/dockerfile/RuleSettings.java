package dev.plimsoll.check.dockerfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Settings that single rules read by name (the {@code plimsoll:} section of a linter configuration, e.g.
 * {@code requireDigest}, {@code trustedRegistries}), so that a rule with a new setting touches only its own file.
 * Read-only; a missing or mistyped value gives the default.
 */
public final class RuleSettings {
    public static final RuleSettings NONE = new RuleSettings(JsonNodeFactory.instance.objectNode());

    private final ObjectNode values;

    private RuleSettings(ObjectNode values) {
        this.values = values;
    }

    /** Settings from a mapping; anything else gives none. The node is copied. */
    public static RuleSettings of(JsonNode node) {
        return node != null && node.isObject() ? new RuleSettings(((ObjectNode) node).deepCopy()) : NONE;
    }

    public boolean bool(String key, boolean fallback) {
        JsonNode v = values.get(key);
        return v != null && v.isBoolean() ? v.booleanValue() : fallback;
    }

    public double number(String key, double fallback) {
        JsonNode v = values.get(key);
        return v != null && v.isNumber() ? v.doubleValue() : fallback;
    }

    public Optional<String> string(String key) {
        JsonNode v = values.get(key);
        return v != null && v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** A list of strings; a single string counts as a list of one. */
    public List<String> strings(String key) {
        JsonNode v = values.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(x -> {
                if (x.isValueNode() && !x.isNull()) {
                    out.add(x.asText());
                }
            });
        } else if (v.isValueNode()) {
            out.add(v.asText());
        }
        return out;
    }

    public boolean has(String key) {
        return values.has(key);
    }

    /** These settings with {@code more} laid over them. */
    public RuleSettings with(RuleSettings more) {
        ObjectNode merged = values.deepCopy();
        merged.setAll(more.values.deepCopy());
        return new RuleSettings(merged);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
