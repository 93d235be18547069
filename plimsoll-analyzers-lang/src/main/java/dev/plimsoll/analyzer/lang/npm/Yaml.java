package dev.plimsoll.analyzer.lang.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Streaming YAML for pnpm-lock.yaml and Yarn Berry's yarn.lock. Read as events, never built as a tree: aliases stay
 * the anchor's name (no expansion, so no alias bomb), nesting is bounded, and a document may be as long as the
 * analyzer's file bound (SnakeYAML's default stops at 3 MiB, below large lockfiles).
 */
final class Yaml {
    static final YAMLFactory FACTORY = factory();

    private Yaml() {
    }

    private static YAMLFactory factory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, NpmAnalyzer.MAX_BYTES));
        options.setNestingDepthLimit(64);
        options.setAllowDuplicateKeys(true);
        return YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
                .build();
    }

    /** The current value as written if it is a scalar (a version "1.0" is a number to YAML), else empty. */
    static Optional<String> scalar(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != null && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
            return Optional.of(p.getText());
        }
        p.skipChildren();
        return Optional.empty();
    }

    /** The 1-based line of the current token. */
    static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /** A mapping of scalars ("dependencies: {ms: 2.0.0}"); other values in it are skipped. */
    static Map<String, String> scalars(JsonParser p) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return out;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            scalar(p).ifPresent(v -> out.put(key, v));
        }
        return out;
    }
}
