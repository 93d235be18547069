package dev.plimsoll.check.secrets;

/** Why a file was not scanned; callers report it so that a skipped file is never mistaken for a clean one. */
public enum SkipReason {
    /** NUL bytes or mostly invalid UTF-8 in the first block. */
    BINARY,
    /** Minified code or a source map above {@link ScanLimits#minifiedMinBytes()}: one huge line of generated text. */
    MINIFIED,
    /** Marked generated ("Code generated … DO NOT EDIT", "@generated") and above the same size. */
    GENERATED,
    /** Larger than {@link ScanLimits#maxBytes()}. */
    TOO_LARGE
}
