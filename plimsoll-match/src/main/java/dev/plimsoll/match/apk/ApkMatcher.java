package dev.plimsoll.match.apk;

import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.SourcePackage;
import dev.plimsoll.match.Candidate;
import dev.plimsoll.match.Lookup;
import dev.plimsoll.match.OsMatcher;
import java.util.List;

/**
 * Alpine (and other apk distributions) packages. The secdb names the <em>origin</em> (the APKBUILD a subpackage
 * was split from: busybox-binsh comes from busybox) in the branch ("alpine:3.18"); every subpackage carries its
 * origin's pkgver-pkgrel, so the package's own version is the one to compare.
 */
public final class ApkMatcher extends OsMatcher {

    public ApkMatcher() {
        super("os/apk", Ecosystem.APK);
    }

    @Override
    protected List<Lookup> lookups(Candidate c, String release) {
        String origin = c.source().map(SourcePackage::name).orElse(c.name());
        return List.of(lookup(c, release, origin, c.version()));
    }
}
