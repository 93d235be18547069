package dev.plimsoll.match.apk;

import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.MatchBasis;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.match.Candidate;
import dev.plimsoll.match.Lookup;
import dev.plimsoll.match.Matcher;
import dev.plimsoll.match.OsReleases;
import dev.plimsoll.match.Plan;

/**
 * Alpine (and other apk distributions) packages. The secdb names the <em>origin</em> (the APKBUILD a subpackage
 * was split from: busybox-binsh comes from busybox) in the branch ("alpine:3.18"); every subpackage carries its
 * origin's pkgver-pkgrel, so the package's own version is the one to compare.
 */
public final class ApkMatcher implements Matcher {

    @Override
    public String id() {
        return "os/apk";
    }

    @Override
    public boolean accepts(Candidate c) {
        return c.ecosystem() == Ecosystem.APK;
    }

    @Override
    public Plan plan(Candidate c) {
        OsReleases.KeyOrReason distro = OsReleases.distroKey(c);
        if (distro.key().isEmpty()) {
            return new Plan.Unmatchable(distro.reason());
        }
        String origin = c.source().map(s -> s.name()).orElse(c.name());
        MatchBasis basis = origin.equals(c.name()) ? MatchBasis.DIRECT : MatchBasis.SOURCE_PACKAGE;
        return Plan.of(new Lookup(PackageKey.os(Ecosystem.APK, distro.key().get(), origin), basis, c.version()));
    }
}
