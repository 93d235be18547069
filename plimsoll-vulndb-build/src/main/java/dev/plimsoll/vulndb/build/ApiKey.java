package dev.plimsoll.vulndb.build;

import java.util.Objects;
import java.util.Optional;

/**
 * A key a source gives its users for a higher rate limit (the NVD API key). It is a credential: it goes into a
 * request header and nowhere else; {@link #toString()} masks it, so a record or message that holds one cannot
 * print it by accident, and {@link #mask} removes it from any text that might echo it.
 */
public final class ApiKey {
    private static final String MASKED = "****";

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * The key in {@code text}, or empty when it is blank or not a header-safe token (visible ASCII, no spaces:
     * anything else would let the value inject headers, and no real key looks like that).
     */
    public static Optional<ApiKey> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String v = text.strip();
        if (v.isEmpty() || v.length() > 256 || !v.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return Optional.empty();
        }
        return Optional.of(new ApiKey(v));
    }

    /** The key itself, for the request header only. */
    String reveal() {
        return value;
    }

    /** {@code text} with every occurrence of the key replaced by {@value #MASKED}. */
    public String mask(String text) {
        return text == null ? null : text.replace(value, MASKED);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "ApiKey[" + MASKED + "]";
    }
}
