package dev.plimsoll.match;

import dev.plimsoll.match.apk.ApkMatcher;
import dev.plimsoll.match.deb.DebMatcher;
import dev.plimsoll.match.golang.GoMatcher;
import dev.plimsoll.match.lang.LanguageMatcher;
import dev.plimsoll.match.rpm.RpmMatcher;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An ordered set of matchers: the first that accepts a package plans its lookups. */
public record Matchers(List<Matcher> all) {
    public Matchers {
        all = List.copyOf(all);
        Set<String> ids = new HashSet<>();
        for (Matcher m : all) {
            if (!ids.add(m.id())) {
                throw new IllegalArgumentException("duplicate matcher id " + m.id());
            }
        }
    }

    /** Debian/Ubuntu, apk, rpm, Go, then every other language ecosystem. */
    public static Matchers standard() {
        return new Matchers(List.of(new DebMatcher(), new ApkMatcher(), new RpmMatcher(), new GoMatcher(),
                new LanguageMatcher()));
    }

    public Optional<Matcher> forCandidate(Candidate c) {
        return all.stream().filter(m -> m.accepts(c)).findFirst();
    }

    /** The plan of the first accepting matcher. */
    public Plan plan(Candidate c) {
        return forCandidate(c).map(m -> m.plan(c))
                .orElseGet(() -> new Plan.Unmatchable("no matcher for " + c.ecosystem().purlType() + " packages"));
    }
}
