package dev.plimsoll.version;

/**
 * One ecosystem's version grammar and order. Implementations are stateless and thread-safe; one instance each,
 * obtained through {@link Schemes}.
 */
public interface VersionScheme {

    /** "dpkg", "rpm", "apk", "semver", "npm", "maven", "pep440", "go", "gem", "nuget", "cargo", "composer". */
    String id();

    /** Parses a version, or says precisely why it cannot. */
    Version parse(String raw) throws InvalidVersionException;

    /**
     * Parses a constraint in this ecosystem's own grammar. Schemes without a constraint grammar of their own
     * accept the plain comparator form ("&gt;=1.2, &lt;2").
     */
    VersionConstraint constraint(String expression) throws InvalidVersionException;
}
