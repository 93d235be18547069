package dev.plimsoll.analyzer.lang.npm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Streaming JSON helpers: package manifests are read field by field, skipping what is not needed. */
final class Json {
    /**
     * Immutable once built, so one factory serves every session. Nesting is bounded well below what a recursive
     * reader could overflow on; strings (a README pasted into a package.json) stay within the file bound anyway.
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build())
            .build();

    private Json() {
    }

    /** The current value if it is a string, else empty; containers are skipped either way. */
    static Optional<String> string(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return Optional.of(p.getText());
        }
        p.skipChildren();
        return Optional.empty();
    }

    /** The current value if it is the boolean true; anything else counts as false. */
    static boolean isTrue(JsonParser p) throws IOException {
        p.skipChildren();
        return p.currentToken() == JsonToken.VALUE_TRUE;
    }

    /**
     * A license as package.json and lockfiles write it: "MIT", {"type": "MIT"} (old npm), or an array of either
     * (the "licenses" field of old packages).
     */
    static List<String> licenses(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        switch (p.currentToken()) {
            case VALUE_STRING -> out.add(p.getText());
            case START_OBJECT -> typeOf(p).ifPresent(out::add);
            case START_ARRAY -> {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() == JsonToken.VALUE_STRING) {
                        out.add(p.getText());
                    } else if (p.currentToken() == JsonToken.START_OBJECT) {
                        typeOf(p).ifPresent(out::add);
                    } else {
                        p.skipChildren();
                    }
                }
            }
            default -> p.skipChildren();
        }
        out.removeIf(String::isBlank);
        return out;
    }

    private static Optional<String> typeOf(JsonParser p) throws IOException {
        Optional<String> type = Optional.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("type")) {
                type = string(p);
            } else {
                p.skipChildren();
            }
        }
        return type;
    }

    /** An author as "name &lt;email&gt;" from a string or a {"name", "email"} object. */
    static Optional<String> person(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return Optional.of(p.getText().strip()).filter(s -> !s.isEmpty());
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Optional.empty();
        }
        String name = null;
        String email = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "name" -> name = string(p).orElse(null);
                case "email" -> email = string(p).orElse(null);
                default -> p.skipChildren();
            }
        }
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(email == null || email.isBlank() ? name.strip() : name.strip() + " <" + email.strip() + ">");
    }
}
