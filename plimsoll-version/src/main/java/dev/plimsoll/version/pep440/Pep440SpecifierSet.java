package dev.plimsoll.version.pep440;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Comma-separated PEP 440 specifiers, all of which must hold (">=1.0, !=1.3.*, <2"). Empty parts are skipped, as
 * pip does, so "" is a valid set that every version satisfies.
 */
public record Pep440SpecifierSet(String raw, List<Pep440Specifier> specifiers) implements VersionConstraint {
    /** Bounds the work one hostile expression can cause. */
    public static final int MAX_LENGTH = 4096;

    public Pep440SpecifierSet {
        Objects.requireNonNull(raw);
        specifiers = List.copyOf(specifiers);
    }

    public static Pep440SpecifierSet parse(String expression) throws InvalidVersionException {
        Objects.requireNonNull(expression, "expression");
        if (expression.length() > MAX_LENGTH) {
            throw new InvalidVersionException("PEP 440 specifier set longer than " + MAX_LENGTH + " characters: \""
                + expression.substring(0, 40) + "...\"");
        }
        List<Pep440Specifier> specifiers = new ArrayList<>();
        for (String piece : expression.split(",", -1)) {
            String specifier = Pep440Grammar.strip(piece);
            if (specifier.isEmpty()) {
                continue;
            }
            try {
                specifiers.add(Pep440Specifier.parse(specifier));
            } catch (InvalidVersionException e) {
                throw new InvalidVersionException("in \"" + expression + "\": " + e.getMessage());
            }
        }
        return new Pep440SpecifierSet(expression, specifiers);
    }

    /** Whether every specifier holds, pre-releases included ({@link PrereleasePolicy#INCLUDE}): advisory semantics. */
    @Override
    public boolean contains(Version version) {
        if (!(version instanceof Pep440Version candidate)) {
            throw new IllegalArgumentException("a PEP 440 specifier set cannot test a "
                + (version == null ? "null" : version.scheme().id()) + " version");
        }
        return allMatch(candidate);
    }

    /**
     * Whether the candidate satisfies the set under the given policy.
     *
     * @throws InvalidVersionException under {@link PrereleasePolicy#UNLESS_NAMED} when a pre-release is tested
     *                                 against a set with "===" text that is no version (see
     *                                 {@link Pep440Specifier#namesPrerelease()})
     */
    public boolean contains(Pep440Version candidate, PrereleasePolicy policy) throws InvalidVersionException {
        Objects.requireNonNull(candidate);
        if (policy == PrereleasePolicy.UNLESS_NAMED && candidate.isPrerelease() && !namesPrerelease()) {
            return false;
        }
        return allMatch(candidate);
    }

    /**
     * Whether some specifier names a pre-release, which lets pre-releases in under the default policy. One that
     * does settles it; only otherwise does a "===" without a version make the answer undefined (and throw).
     */
    public boolean namesPrerelease() throws InvalidVersionException {
        InvalidVersionException undecided = null;
        for (Pep440Specifier specifier : specifiers) {
            try {
                if (specifier.namesPrerelease()) {
                    return true;
                }
            } catch (InvalidVersionException e) {
                undecided = e;
            }
        }
        if (undecided != null) {
            throw undecided;
        }
        return false;
    }

    private boolean allMatch(Pep440Version candidate) {
        for (Pep440Specifier specifier : specifiers) {
            if (!specifier.matches(candidate)) {
                return false;
            }
        }
        return true;
    }
}
