package dev.plimsoll.match.lang;

import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.MatchBasis;
import dev.plimsoll.match.Candidate;
import dev.plimsoll.match.Lookup;
import dev.plimsoll.match.Matcher;
import dev.plimsoll.match.Plan;

/**
 * Language packages (npm, PyPI, Maven, crates.io, RubyGems, NuGet, Packagist, Hex, Pub, …): looked up by ecosystem
 * and the name normalised as the feeds store it ({@code PackageNames}: PEP 503 for PyPI, "group:artifact" for
 * Maven, lower case where the registry is case-insensitive, scoped npm names kept whole), compared by the
 * installed version in the ecosystem's own scheme.
 */
public final class LanguageMatcher implements Matcher {

    @Override
    public String id() {
        return "lang/generic";
    }

    @Override
    public boolean accepts(Candidate c) {
        return !c.ecosystem().isOs();
    }

    @Override
    public Plan plan(Candidate c) {
        return Plan.of(new Lookup(PackageKey.language(c.ecosystem(), c.name()), MatchBasis.DIRECT, c.version()));
    }
}
