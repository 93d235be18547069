package dev.plimsoll.check.dockerfile;

import dev.plimsoll.core.finding.Severity;
import java.util.Locale;
import java.util.Optional;

/** hadolint's levels, kept for its tty and JSON output formats and its configuration's {@code override} lists. */
public enum HadolintLevel {
    ERROR, WARNING, INFO, STYLE, IGNORE;

    /** How Plimsoll reports the level: error HIGH, warning MEDIUM, info and style LOW. */
    public Severity severity() {
        return switch (this) {
            case ERROR -> Severity.HIGH;
            case WARNING -> Severity.MEDIUM;
            case INFO, STYLE, IGNORE -> Severity.LOW;
        };
    }

    /** The level a Plimsoll severity shows as in hadolint's formats. */
    public static HadolintLevel of(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> ERROR;
            case MEDIUM -> WARNING;
            case LOW, UNKNOWN -> INFO;
        };
    }

    /** A level by name, case-insensitively; hadolint's {@code none} is {@link #IGNORE}, as its threshold parser has it. */
    public static Optional<HadolintLevel> parse(String text) {
        if (text.strip().equalsIgnoreCase("none")) {
            return Optional.of(IGNORE);
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
