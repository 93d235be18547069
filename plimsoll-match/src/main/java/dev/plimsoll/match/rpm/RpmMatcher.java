package dev.plimsoll.match.rpm;

import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.SourcePackage;
import dev.plimsoll.match.Candidate;
import dev.plimsoll.match.Lookup;
import dev.plimsoll.match.OsMatcher;
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
public final class RpmMatcher extends OsMatcher {

    public RpmMatcher() {
        super("os/rpm", Ecosystem.RPM);
    }

    @Override
    protected List<Lookup> lookups(Candidate c, String release) {
        List<Lookup> lookups = new ArrayList<>();
        lookups.add(lookup(c, release, c.name(), c.version()));
        c.source().map(SourcePackage::name).filter(source -> !source.equals(c.name()))
                .ifPresent(source -> lookups.add(lookup(c, release, source, c.version())));
        return lookups;
    }
}
