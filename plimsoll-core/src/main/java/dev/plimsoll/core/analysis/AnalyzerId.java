package dev.plimsoll.core.analysis;

import java.util.Objects;
import java.util.regex.Pattern;

/** Stable id of an analyzer, "group/name": "os/dpkg", "os/release", "lang/jar", "secret/builtin". */
public record AnalyzerId(String value) implements Comparable<AnalyzerId> {
    private static final Pattern FORM = Pattern.compile("[a-z0-9-]+/[a-z0-9.-]+");

    public AnalyzerId {
        Objects.requireNonNull(value);
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("analyzer id must look like group/name: " + value);
        }
    }

    public static AnalyzerId of(String value) {
        return new AnalyzerId(value);
    }

    public String group() {
        return value.substring(0, value.indexOf('/'));
    }

    @Override
    public int compareTo(AnalyzerId o) {
        return value.compareTo(o.value);
    }

    // equals and hashCode written out: the record's generated ones cost a fresh JVM method-handle bootstraps (the
    // ahead-of-time cache keeps none), and every command hashes analyzer ids while it starts.
    @Override
    public boolean equals(Object o) {
        return o instanceof AnalyzerId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
