package dev.plimsoll.rpmdb;

import java.io.IOException;

/**
 * An rpm package database or header blob that cannot be read: wrong magic, truncated structures, offsets or counts
 * outside their bounds, limits exceeded. Readers put the file, the record (package number, slot, page) and the defect
 * into the message, so a scan report can say exactly which database and which record is broken.
 *
 * <p>It extends {@link IOException} because a broken database is an input problem of the same kind as an unreadable
 * file, and callers already handle {@code IOException} at that boundary.
 */
public final class RpmDbException extends IOException {
    private static final long serialVersionUID = 1L;

    public RpmDbException(String message) {
        super(message);
    }

    public RpmDbException(String message, Throwable cause) {
        super(message, cause);
    }
}
