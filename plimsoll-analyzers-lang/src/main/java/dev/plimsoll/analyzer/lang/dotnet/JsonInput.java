package dev.plimsoll.analyzer.lang.dotnet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.plimsoll.analyzer.lang.FormatException;
import java.io.IOException;
import java.util.Optional;

/** Streaming JSON helpers for the .NET files: read field by field, skipping what is not needed. */
final class JsonInput {
    /** Immutable once built. Nesting is bounded so that a hostile file cannot make skipping expensive. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build()).build();

    private JsonInput() {
    }

    /** A non-blank string value, else empty; containers are skipped. */
    static Optional<String> string(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return Optional.of(p.getText()).filter(s -> !s.isBlank());
        }
        p.skipChildren();
        return Optional.empty();
    }

    /** Requires the current token to open an object. */
    static void requireObject(JsonParser p, String what) throws FormatException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new FormatException(what + " is not an object", line(p));
        }
    }

    /** The line of the current token. */
    static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    static FormatException notJson(JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
        return new FormatException("not valid JSON: " + e.getOriginalMessage(), line);
    }

    static FormatException unreadable(IOException e) {
        return new FormatException("not readable as JSON: " + e.getMessage(), 0);
    }
}
