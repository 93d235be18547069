package dev.plimsoll.check.dockerfile.shell;

import java.util.Locale;
import java.util.Objects;

/**
 * One shellcheck comment on a RUN script, with positions mapped to the Dockerfile.
 *
 * @param code {@code SC2086}
 * @param position where the finding starts
 * @param end where it ends (shellcheck's end column, exclusive)
 */
public record ShellCheckFinding(String code, Level level, Position position, Position end, String message) {
    public ShellCheckFinding {
        Objects.requireNonNull(code);
        Objects.requireNonNull(level);
        Objects.requireNonNull(position);
        Objects.requireNonNull(end);
        Objects.requireNonNull(message);
    }

    /** shellcheck's severities, most severe first. */
    public enum Level {
        ERROR, WARNING, INFO, STYLE;

        static Level parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ShellCheckException("unknown shellcheck level '" + text + "'", e);
            }
        }
    }
}
