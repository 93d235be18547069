package dev.plimsoll.check.cis;

import java.util.Objects;

/**
 * What a verdict rests on: where it was read ({@code source}: a file, "docker inspect web", "compose.yaml"),
 * which field (a JSON path, Compose key, flag or file mode) and the value seen there, rendered for a person.
 * Values never carry secrets: inputs that might (env, command lines) are masked by the input that reads them.
 */
public record Evidence(String source, String field, String value) {
    public Evidence {
        Objects.requireNonNull(source);
        Objects.requireNonNull(field);
        Objects.requireNonNull(value);
    }

    @Override
    public String toString() {
        return appendTo(new StringBuilder()).toString();
    }

    /** Appends {@link #toString()}'s text: "source: field = value", without the parts that are empty. */
    public StringBuilder appendTo(StringBuilder text) {
        if (!source.isEmpty()) {
            text.append(source).append(": ");
        }
        text.append(field);
        if (!value.isEmpty()) {
            text.append(" = ").append(value);
        }
        return text;
    }
}
