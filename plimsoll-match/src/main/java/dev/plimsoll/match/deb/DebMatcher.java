package dev.plimsoll.match.deb;

import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.SourcePackage;
import dev.plimsoll.match.Candidate;
import dev.plimsoll.match.Lookup;
import dev.plimsoll.match.OsMatcher;
import java.util.List;

/**
 * Debian and Ubuntu packages. Their security data (the Debian security tracker, DSA/DLA, USN) names
 * <em>source</em> packages and source versions, so a binary package is looked up by its source name in its
 * release ("debian:12", "ubuntu:22.04") and compared by its <em>source</em> version.
 *
 * <p>Why the source version: a fixed version in the tracker is the version of a source upload. Binary versions
 * may differ from it: a binNMU appends "+b1" ("2.38.1-5+b1" from source "2.38.1-5"), and some binaries carry their
 * own epoch or version entirely (util-linux 2.38.1-5 builds bsdutils "1:2.38.1-5+b1"; gcc-defaults 1.203 builds
 * gcc "4:12.2.0-3"). Comparing the binary version would call bsdutils fixed by any util-linux upload (epoch 1
 * beats epoch 0) — a false negative. Trivy's Debian detector likewise compares the source version
 * ({@code utils.FormatSrcVersion}) and reports the binary one. When dpkg recorded no separate source version the
 * analyzer gives the binary version, "+bN" and all: a binNMU suffix sorts just above its source version and below
 * any security upload of it ("+b1" &lt; "+deb12u1"), so the verdict is the same.
 */
public final class DebMatcher extends OsMatcher {

    public DebMatcher() {
        super("os/deb", Ecosystem.DEB);
    }

    @Override
    protected List<Lookup> lookups(Candidate c, String release) {
        SourcePackage source = c.source().orElse(new SourcePackage(c.name(), c.version()));
        return List.of(lookup(c, release, source.name(), source.version()));
    }
}
