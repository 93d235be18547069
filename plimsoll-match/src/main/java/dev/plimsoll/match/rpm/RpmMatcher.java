package dev.plimsoll.match.rpm;

import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.MatchBasis;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.match.Candidate;
import dev.plimsoll.match.Lookup;
import dev.plimsoll.match.Matcher;
import dev.plimsoll.match.OsReleases;
import dev.plimsoll.match.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * RHEL-family packages, looked up under the release's major version ("rocky:9") by two names: the binary rpm's
 * (Red Hat OVAL and CSAF name binary packages: openssl-libs) and the source rpm's (AlmaLinux, Rocky and openSUSE
 * OSV records name the source package: openssl). Both are compared with the binary's EPOCH:VERSION-RELEASE: a
 * binary and its source rpm are built together and share version and release, and the source rpm file name
 * carries no epoch, so the binary's is the one that applies. An advisory reached through both names is one
 * finding (merged by id), DIRECT.
 */
public final class RpmMatcher implements Matcher {

    @Override
    public String id() {
        return "os/rpm";
    }

    @Override
    public boolean accepts(Candidate c) {
        return c.ecosystem() == Ecosystem.RPM;
    }

    @Override
    public Plan plan(Candidate c) {
        OsReleases.KeyOrReason distro = OsReleases.distroKey(c);
        if (distro.key().isEmpty()) {
            return new Plan.Unmatchable(distro.reason());
        }
        String release = distro.key().get();
        List<Lookup> lookups = new ArrayList<>();
        lookups.add(new Lookup(PackageKey.os(Ecosystem.RPM, release, c.name()), MatchBasis.DIRECT, c.version()));
        c.source().map(s -> s.name()).filter(source -> !source.equals(c.name()))
                .ifPresent(source -> lookups.add(new Lookup(PackageKey.os(Ecosystem.RPM, release, source),
                        MatchBasis.SOURCE_PACKAGE, c.version())));
        return new Plan.Lookups(lookups);
    }
}
