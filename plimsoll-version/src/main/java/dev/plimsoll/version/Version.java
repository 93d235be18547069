package dev.plimsoll.version;

/**
 * A version parsed once by its scheme. Versions compare only with versions of the same scheme; comparing two
 * schemes throws {@link IllegalArgumentException} (there is no sensible order between them).
 */
public interface Version extends Comparable<Version> {

    /** The text it was parsed from, unchanged. */
    String raw();

    VersionScheme scheme();
}
