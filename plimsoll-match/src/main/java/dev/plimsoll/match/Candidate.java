package dev.plimsoll.match;

import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.Purls;
import dev.plimsoll.core.inventory.SourcePackage;
import dev.plimsoll.match.purl.LanguagePurls;
import java.util.Objects;
import java.util.Optional;

/**
 * A package as the matcher sees it: what it is called, which version is installed, what it was built from, on
 * which OS, and where it was found. Built from an inventory {@link Package} or from a purl (an SBOM), so that
 * matching needs nothing format-specific.
 *
 * @param os       the OS release the package belongs to (OS packages: whose release's data applies)
 * @param location the file that declares it, with the layer that introduced it
 * @param purl     its package URL, for the finding
 * @param fromSbom matched from an SBOM's purl rather than from files seen
 */
public record Candidate(String name, String version, Ecosystem ecosystem, Optional<SourcePackage> source,
                        Optional<OsRelease> os, Optional<Location> location, String purl, boolean fromSbom) {
    public Candidate {
        Objects.requireNonNull(name);
        Objects.requireNonNull(version);
        Objects.requireNonNull(ecosystem);
        Objects.requireNonNull(source);
        Objects.requireNonNull(os);
        Objects.requireNonNull(location);
        Objects.requireNonNull(purl);
    }

    /** An inventory package on the inventory's OS. */
    public static Candidate of(Package p, Optional<OsRelease> os) {
        return new Candidate(p.name(), p.version(), p.ecosystem(), sourceOf(p), os, locationOf(p), purlOf(p, os),
                false);
    }

    /**
     * The first location (the file that declares the package), carrying the layer that first installed this
     * version when the analyzer knows it: a later layer may rewrite the database file without touching the package.
     */
    static Optional<Location> locationOf(Package p) {
        return p.locations().stream().findFirst()
                .map(l -> new Location(l.path(), p.introducedIn().or(l::layer), l.line()));
    }

    /** The source package; for apk the origin when the analyzer did not set one. */
    private static Optional<SourcePackage> sourceOf(Package p) {
        if (p.source().isPresent()) {
            return p.source();
        }
        return p.metadata() instanceof PackageMetadata.Apk apk
                ? apk.origin().map(origin -> new SourcePackage(origin, p.version()))
                : Optional.empty();
    }

    private static String purlOf(Package p, Optional<OsRelease> os) {
        if (!p.ecosystem().isOs()) {
            return LanguagePurls.of(p.ecosystem(), p.name(), p.version());
        }
        try {
            return Purls.of(p, os);
        } catch (IllegalArgumentException e) {
            // A name or version the purl builder refuses still deserves a finding; name it plainly.
            return "pkg:" + p.ecosystem().purlType() + "/" + p.name() + "@" + p.version();
        }
    }
}
