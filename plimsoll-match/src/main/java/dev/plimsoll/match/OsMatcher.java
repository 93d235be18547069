package dev.plimsoll.match;

import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.MatchBasis;
import dev.plimsoll.core.inventory.Ecosystem;
import java.util.List;
import java.util.Objects;

/**
 * A matcher for the packages of one OS ecosystem, whose data is stored per distribution release: a package is
 * looked up under its OS's release key ("debian:12", "alpine:3.18"), and is {@link Plan.Unmatchable} when the scan
 * identified no OS release or one without a key. A subclass says only which names and versions to look up.
 */
public abstract class OsMatcher implements Matcher {
    private final String id;
    private final Ecosystem ecosystem;

    protected OsMatcher(String id, Ecosystem ecosystem) {
        this.id = Objects.requireNonNull(id);
        this.ecosystem = Objects.requireNonNull(ecosystem);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final boolean accepts(Candidate c) {
        return c.ecosystem() == ecosystem;
    }

    @Override
    public final Plan plan(Candidate c) {
        OsReleases.KeyOrReason distro = OsReleases.distroKey(c);
        if (distro.key().isEmpty()) {
            return new Plan.Unmatchable(distro.reason());
        }
        return new Plan.Lookups(lookups(c, distro.key().get()));
    }

    /** The lookups for an accepted candidate whose OS has the release key {@code release}; at least one. */
    protected abstract List<Lookup> lookups(Candidate c, String release);

    /**
     * A lookup of {@code name} in the release, comparing {@code version}: DIRECT when {@code name} is the
     * candidate's own, SOURCE_PACKAGE when it is the name of its source package.
     */
    protected final Lookup lookup(Candidate c, String release, String name, String version) {
        MatchBasis basis = name.equals(c.name()) ? MatchBasis.DIRECT : MatchBasis.SOURCE_PACKAGE;
        return new Lookup(PackageKey.os(ecosystem, release, name), basis, version);
    }
}
