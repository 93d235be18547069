package dev.plimsoll.core.problem;

/** What kind of trouble a scan met without stopping. Any problem makes the report say the scan is incomplete. */
public enum ProblemKind {
    /** A layer entry was skipped because it was unsafe (path escape, hard link out of the tree, overlong path). */
    UNSAFE_ENTRY,
    /** A file could not be parsed; what it would have contributed is missing. */
    MALFORMED_FILE,
    /** A size, count or depth bound was reached; the rest of the item was not read. */
    LIMIT_EXCEEDED,
    /** A format or feature Plimsoll does not read. */
    UNSUPPORTED,
    /** Something inconsistent that did not stop the scan (duplicate entries, dangling links). */
    INCONSISTENT
}
