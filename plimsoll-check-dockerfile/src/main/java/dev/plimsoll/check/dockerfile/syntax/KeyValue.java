package dev.plimsoll.check.dockerfile.syntax;

/**
 * A pair of ENV or LABEL. {@code rawValue} is as written (quotes kept); {@code value} has quotes and escapes removed
 * but no variables expanded (use {@link Environment#expandWord} for that).
 */
public record KeyValue(String key, String rawValue, String value, SourcePosition position) {
}
