package dev.plimsoll.core.finding;

import java.util.Locale;

/** Severity, ordered from UNKNOWN (lowest) to CRITICAL. */
public enum Severity {
    UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Parses the usual spellings (case-insensitive; "moderate" is MEDIUM, "important" is HIGH). */
    public static Severity parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "critical" -> CRITICAL;
            case "high", "important" -> HIGH;
            case "medium", "moderate" -> MEDIUM;
            case "low", "negligible", "minor" -> LOW;
            case "unknown", "none", "unimportant" -> UNKNOWN;
            default -> throw new IllegalArgumentException("unknown severity: " + text
                    + " (expected UNKNOWN, LOW, MEDIUM, HIGH or CRITICAL)");
        };
    }
}
