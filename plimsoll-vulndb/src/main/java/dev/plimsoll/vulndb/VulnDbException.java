package dev.plimsoll.vulndb;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The vulnerability database file cannot be used: missing, of another schema version, truncated or corrupt. The
 * message starts with the file and says what to do about it.
 */
public final class VulnDbException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String reason;

    public VulnDbException(Path file, String reason) {
        this(file, reason, null);
    }

    public VulnDbException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = Objects.requireNonNull(file);
        this.reason = Objects.requireNonNull(reason);
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
