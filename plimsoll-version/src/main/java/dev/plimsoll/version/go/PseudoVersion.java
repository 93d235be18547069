package dev.plimsoll.version.go;

import java.util.Objects;

/**
 * The parts of a Go pseudo-version, a version the go command makes up for an untagged commit:
 * <ul>
 *   <li>{@link Kind#NO_BASE} {@code vX.0.0-yyyymmddhhmmss-abcdefabcdef}: no earlier tag;</li>
 *   <li>{@link Kind#PRERELEASE_BASE} {@code vX.Y.Z-pre.0.yyyymmddhhmmss-abcdefabcdef}: after the pre-release
 *       {@code vX.Y.Z-pre};</li>
 *   <li>{@link Kind#RELEASE_BASE} {@code vX.Y.Z-0.yyyymmddhhmmss-abcdefabcdef}: after the release
 *       {@code vX.Y.(Z-1)}.</li>
 * </ul>
 * They need no order of their own: as semver pre-releases they already sort after their base and before the
 * next tag, which is what golang.org/x/mod/semver does.
 *
 * @param timestamp the commit time in UTC, as written (14 digits, yyyymmddhhmmss; not checked as a date, as the
 *                  go command's own test does not check it either)
 * @param revision  the commit hash prefix (12 hex digits when the go command writes it)
 */
public record PseudoVersion(Kind kind, String timestamp, String revision) {
    public PseudoVersion {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(timestamp);
        Objects.requireNonNull(revision);
    }

    public enum Kind { NO_BASE, PRERELEASE_BASE, RELEASE_BASE }
}
