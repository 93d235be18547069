package dev.plimsoll.check.dockerfile.syntax;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code RUN --mount=...}: its comma-separated fields, keys lower-cased, in written order ({@code readonly} alone
 * maps to ""). Accessors fold BuildKit's aliases ({@code dst}/{@code destination}, {@code src}, {@code ro}).
 */
public record Mount(Map<String, String> options, Flag flag) {
    public Mount {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** {@code bind} when no type is given, as in BuildKit; lower-cased. */
    public String type() {
        return option("type").map(type -> type.toLowerCase(Locale.ROOT)).orElse("bind");
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    public Optional<String> target() {
        return firstOf("target", "dst", "destination");
    }

    public Optional<String> source() {
        return firstOf("source", "src");
    }

    public Optional<String> id() {
        return option("id");
    }

    public Optional<String> from() {
        return option("from");
    }

    public boolean readOnly() {
        return isTrue("readonly") || isTrue("ro");
    }

    public boolean required() {
        return isTrue("required");
    }

    public SourcePosition position() {
        return flag.position();
    }

    private boolean isTrue(String key) {
        String value = options.get(key);
        return value != null && (value.isEmpty() || value.equalsIgnoreCase("true"));
    }

    private Optional<String> firstOf(String... keys) {
        for (String key : keys) {
            String value = options.get(key);
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
