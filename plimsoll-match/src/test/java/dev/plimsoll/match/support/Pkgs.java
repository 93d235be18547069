package dev.plimsoll.match.support;

import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.SourcePackage;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.match.Candidate;
import dev.plimsoll.match.purl.LanguagePurls;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Packages, OS releases and inventories for tests. */
public final class Pkgs {
    public static final Target TARGET = new Target(Target.Kind.IMAGE, "test:latest");

    private Pkgs() {
    }

    public static OsRelease os(String id, String versionId) {
        return new OsRelease(id, versionId, Optional.empty(), id + " " + versionId, List.of(), Optional.empty(),
                "etc/os-release");
    }

    public static LayerRef layer(int index) {
        String hex = String.format("%064x", index + 1);
        return new LayerRef(index, Optional.of(Digest.parse("sha256:" + hex)), Optional.empty(), 0,
                Optional.empty(), Optional.of("RUN step " + index));
    }

    public static Package deb(String name, String version, String sourceName, String sourceVersion) {
        return new Package(name, version, Ecosystem.DEB, Optional.of(new SourcePackage(sourceName, sourceVersion)),
                List.of(), List.of(Location.of("var/lib/dpkg/status", layer(0))), Optional.of(layer(0)),
                AnalyzerId.of("os/dpkg"), new PackageMetadata.Dpkg("amd64", Optional.empty(), Optional.empty(),
                OptionalLong.empty(), List.of(), List.of()));
    }

    public static Package apk(String name, String version, String origin) {
        return new Package(name, version, Ecosystem.APK, Optional.of(new SourcePackage(origin, version)), List.of(),
                List.of(Location.of("lib/apk/db/installed", layer(0))), Optional.of(layer(0)),
                AnalyzerId.of("os/apk"), new PackageMetadata.Apk("x86_64", Optional.of(origin), Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalLong.empty(), List.of(), List.of()));
    }

    public static Package rpm(String name, Optional<Integer> epoch, String version, String release, String srpm) {
        String evr = epoch.map(e -> e + ":").orElse("") + version + "-" + release;
        String srcName = srpm.substring(0, srpm.lastIndexOf('-', srpm.lastIndexOf('-') - 1));
        return new Package(name, evr, Ecosystem.RPM, Optional.of(new SourcePackage(srcName, evr)), List.of(),
                List.of(Location.of("var/lib/rpm/rpmdb.sqlite", layer(0))), Optional.of(layer(0)),
                AnalyzerId.of("os/rpm"), new PackageMetadata.Rpm(epoch, version, release, "x86_64",
                Optional.of(srpm + ".src.rpm"), Optional.empty(), Optional.empty(), OptionalLong.empty(), List.of()));
    }

    /**
     * A language package as the matcher sees it. Core's inventory has no metadata form for language packages yet,
     * so these are {@link Candidate}s, matched through {@code MatchEngine.match(List, Target)}.
     */
    public static Candidate lang(Ecosystem ecosystem, String name, String version) {
        return new Candidate(name, version, ecosystem, Optional.empty(), Optional.empty(),
                Optional.of(Location.of("app/manifest", layer(2))), LanguagePurls.of(ecosystem, name, version), false);
    }

    public static Inventory inventory(OsRelease os, Package... packages) {
        return new Inventory(TARGET, Optional.empty(), Optional.of(os), List.of(packages), List.of());
    }
}
