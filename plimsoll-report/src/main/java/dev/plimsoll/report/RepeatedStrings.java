package dev.plimsoll.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * String values one document writes over and over, each escaped and encoded once. An audit reports every control
 * on every target, so a rule's id, title and fix are written once per target (tens of thousands of times in a large
 * Kubernetes audit) and each target's name once per control, and encoding them character by character each time
 * was a third of the report's time. The
 * bytes are the generator's own: Jackson quotes a {@link SerializedString} as it quotes a string.
 */
final class RepeatedStrings {
    /**
     * Bounds the memory a document of mostly distinct values (advisory titles) can spend here, to a few megabytes;
     * large enough for the target names of an audit of ten thousand workloads and their containers.
     */
    private static final int MAX_ENTRIES = 32_768;
    private final Map<String, SerializableString> encoded = new HashMap<>();

    /** Writes {@code field} (encoded once by the caller) with {@code value} as its string value. */
    void write(JsonGenerator g, SerializableString field, String value) throws IOException {
        g.writeFieldName(field);
        write(g, value);
    }

    /** Writes {@code value} as a string value. */
    void write(JsonGenerator g, String value) throws IOException {
        SerializableString e = encoded.get(value);
        if (e == null) {
            // Custom escapes (HTML-safe output) apply only to strings the generator encodes itself, and Jackson's
            // encoder rejects a lone surrogate that the generator writes: those strings are left to the generator.
            if (encoded.size() >= MAX_ENTRIES || g.getCharacterEscapes() != null || hasSurrogate(value)) {
                g.writeString(value);
                return;
            }
            e = new SerializedString(value);
            encoded.put(value, e);
        }
        g.writeString(e);
    }

    private static boolean hasSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isSurrogate(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
