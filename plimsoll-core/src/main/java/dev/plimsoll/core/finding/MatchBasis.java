package dev.plimsoll.core.finding;

/** Why a package matched an advisory: users see it so that indirect matches can be judged. */
public enum MatchBasis {
    /** The advisory names the package itself. */
    DIRECT,
    /** The advisory names the package's source package (Debian, Ubuntu, Alpine origin, rpm source rpm). */
    SOURCE_PACKAGE,
    /** Matched from an SBOM's purl, not from files seen. */
    SBOM
}
