package dev.plimsoll.vulndb.build;

import java.io.IOException;

/**
 * An update that failed; the database in place (if any) was not touched. The message names the download key, the
 * URL and what went wrong (HTTP status, checksum mismatch, truncated body, hostile archive entry…).
 */
public final class UpdateException extends IOException {
    private static final long serialVersionUID = 1L;

    public UpdateException(String message) {
        super(message);
    }

    public UpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
