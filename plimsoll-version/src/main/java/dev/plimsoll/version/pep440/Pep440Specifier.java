package dev.plimsoll.version.pep440;

import dev.plimsoll.version.InvalidVersionException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * One PEP 440 version specifier such as "~=1.4.2", "==1.2.*" or "&gt;1.0.post1".
 *
 * @param text     the version as written after the operator, stripped ("1.2.*" keeps its wildcard)
 * @param version  the parsed version ({@code text} without ".*"); empty only for "===" text that is no version
 * @param wildcard whether {@code text} ends with ".*" (only "==" and "!=" allow it)
 */
public record Pep440Specifier(Pep440Operator operator, String text, Optional<Pep440Version> version,
        boolean wildcard) {

    public Pep440Specifier {
        Objects.requireNonNull(operator);
        Objects.requireNonNull(text);
        Objects.requireNonNull(version);
        if (version.isEmpty() && operator != Pep440Operator.ARBITRARY) {
            throw new IllegalArgumentException(operator.symbol() + " needs a version");
        }
    }

    /** Parses one specifier (no commas). */
    public static Pep440Specifier parse(String specifier) throws InvalidVersionException {
        Matcher m = Pep440Grammar.SPECIFIER.matcher(specifier);
        if (!m.matches()) {
            throw new InvalidVersionException("not a PEP 440 version specifier: \"" + specifier + "\"");
        }
        Pep440Operator operator = Pep440Operator.ofSymbol(m.group("operator"));
        String text = Pep440Grammar.strip(m.group("version"));
        if (operator == Pep440Operator.ARBITRARY) {
            Optional<Pep440Version> version;
            try {
                version = Optional.of(Pep440Version.parse(text));
            } catch (InvalidVersionException notAVersion) {
                version = Optional.empty();
            }
            return new Pep440Specifier(operator, text, version, false);
        }
        boolean wildcard = text.endsWith(".*");
        String versionText = wildcard ? text.substring(0, text.length() - 2) : text;
        // The specifier grammar only admits versions the version grammar accepts, so this does not fail.
        return new Pep440Specifier(operator, text, Optional.of(Pep440Version.parse(versionText)), wildcard);
    }

    /**
     * Whether the candidate satisfies this specifier, pre-release policy aside (see {@link Pep440SpecifierSet}).
     */
    public boolean matches(Pep440Version candidate) {
        if (operator == Pep440Operator.ARBITRARY) {
            return candidate.normalized().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT));
        }
        Pep440Version spec = version.orElseThrow();
        return switch (operator) {
            case EQUAL -> equal(candidate, spec);
            case NOT_EQUAL -> !equal(candidate, spec);
            // Local labels are ignored by the inclusive comparisons: 1.0+local satisfies <=1.0.
            case LESS_OR_EQUAL -> candidate.publicVersion().compareTo(spec) <= 0;
            case GREATER_OR_EQUAL -> candidate.publicVersion().compareTo(spec) >= 0;
            // "<1.0" must not admit 1.0rc1, a pre-release of the very version it excludes.
            case LESS -> candidate.compareTo(spec) < 0
                && (spec.isPrerelease() || !candidate.isPrerelease() || !sameBase(candidate, spec));
            // ">1.0" must not admit 1.0.post1 (unless it names a post release) nor 1.0+local.
            case GREATER -> candidate.compareTo(spec) > 0
                && (spec.isPostrelease() || !candidate.isPostrelease() || !sameBase(candidate, spec))
                && (candidate.local().isEmpty() || !sameBase(candidate, spec));
            // "~=1.4.5" is ">=1.4.5, ==1.4.*"; a pre, post or dev suffix does not take part in the prefix.
            case COMPATIBLE -> candidate.publicVersion().compareTo(spec) >= 0
                && prefixMatches(candidate, spec.epoch(), spec.release().subList(0, spec.release().size() - 1));
            case ARBITRARY -> throw new IllegalStateException("handled above");
        };
    }

    /**
     * Whether, under {@link PrereleasePolicy#UNLESS_NAMED}, this specifier admits pre-releases: "==", "&gt;=",
     * "&lt;=", "~=" and "===" naming a pre-release do.
     *
     * @throws InvalidVersionException for "===" with text that is no version: {@code packaging} refuses to
     *                                 decide then, and so do we rather than guess
     */
    public boolean namesPrerelease() throws InvalidVersionException {
        return switch (operator) {
            case EQUAL, GREATER_OR_EQUAL, LESS_OR_EQUAL, COMPATIBLE -> version.orElseThrow().isPrerelease();
            case ARBITRARY -> version.orElseThrow(() -> new InvalidVersionException("specifier \"===" + text
                + "\" names no PEP 440 version, so whether it admits pre-releases is undefined")).isPrerelease();
            case NOT_EQUAL, LESS, GREATER -> false;
        };
    }

    @Override
    public String toString() {
        return operator.symbol() + text;
    }

    private boolean equal(Pep440Version candidate, Pep440Version spec) {
        if (wildcard) {
            return prefixMatches(candidate, spec.epoch(), spec.release());
        }
        // A specifier without a local label matches every local build of its version.
        Pep440Version compared = spec.local().isPresent() ? candidate : candidate.publicVersion();
        return compared.compareTo(spec) == 0;
    }

    /** Same epoch, and the release, padded with zeros as far as needed, starts with {@code prefix}. */
    private static boolean prefixMatches(Pep440Version candidate, BigInteger epoch, List<BigInteger> prefix) {
        if (!candidate.epoch().equals(epoch)) {
            return false;
        }
        List<BigInteger> release = candidate.release();
        for (int i = 0; i < prefix.size(); i++) {
            BigInteger number = i < release.size() ? release.get(i) : BigInteger.ZERO;
            if (!number.equals(prefix.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameBase(Pep440Version a, Pep440Version b) {
        return a.baseVersion().compareTo(b.baseVersion()) == 0;
    }
}
