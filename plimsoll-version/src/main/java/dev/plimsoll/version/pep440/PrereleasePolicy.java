package dev.plimsoll.version.pep440;

/** Whether a specifier set admits pre-releases (and dev releases) of its own accord. */
public enum PrereleasePolicy {
    /**
     * Every version is judged by the specifiers alone. What advisories mean: "&lt;2.0" covers 2.0rc1 too
     * (OSV, pip-audit).
     */
    INCLUDE,
    /**
     * pip's default ({@code packaging}'s {@code prereleases=None}): pre-releases are excluded unless some
     * "==", "&gt;=", "&lt;=", "~=" or "===" specifier names a pre-release.
     */
    UNLESS_NAMED
}
