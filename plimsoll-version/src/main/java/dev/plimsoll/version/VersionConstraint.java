package dev.plimsoll.version;

/** A parsed constraint expression in an ecosystem's own grammar (">=1.2 <2 || 3.x", "~> 5.2, >= 5.2.4.3"). */
public interface VersionConstraint {

    /** Whether the version satisfies the constraint. */
    boolean contains(Version version);

    /** The expression it was parsed from. */
    String raw();
}
