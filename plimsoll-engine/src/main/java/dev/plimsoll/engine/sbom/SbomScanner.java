package dev.plimsoll.engine.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import dev.plimsoll.engine.sbom.SbomDocument.SbomComponent;
import dev.plimsoll.match.Candidate;
import dev.plimsoll.match.MatchEngine;
import dev.plimsoll.match.MatchResult;
import dev.plimsoll.match.purl.PurlPackages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches the packages an SBOM lists, by their purls: the {@code distro=} qualifier (or the SBOM's operating-system
 * component) gives the release, {@code upstream=} the source package.
 */
public final class SbomScanner {
    private final MatchEngine engine;

    public SbomScanner(MatchEngine engine) {
        this.engine = engine;
    }

    /**
     * The result, and for each matched purl the document's references to it (several components may share one
     * purl), so that a CycloneDX document can be written back with {@code affects[].ref} pointing at them.
     */
    public record Scanned(ScanResult result, Map<String, List<String>> refsByPurl) {
    }

    public Scanned scan(Path file, SbomDocument doc) {
        Target target = new Target(Target.Kind.FILESYSTEM, file.toString());
        List<ScanProblem> problems = new ArrayList<>(doc.problems());
        List<Candidate> candidates = new ArrayList<>();
        List<Package> packages = new ArrayList<>();
        Map<String, List<String>> refs = new LinkedHashMap<>();
        int unsupported = 0;
        for (SbomComponent c : doc.components()) {
            PackageURL purl;
            try {
                purl = new PackageURL(c.purl());
            } catch (MalformedPackageURLException e) {
                continue; // the reader already reported it
            }
            Optional<Location> location = Optional.of(Location.of(file.getFileName() + c.ref()
                    .map(r -> "#" + r).orElse("")));
            Candidate candidate;
            try {
                candidate = PurlPackages.candidate(purl, location);
            } catch (IllegalArgumentException e) {
                if (purl.getVersion() == null && isKnownType(purl)) {
                    problems.add(ScanProblem.of(ProblemKind.MALFORMED_FILE, "sbom", file.toString(), "component "
                            + c.name() + " (" + c.purl() + "): no version, so it cannot be matched"));
                } else {
                    unsupported++; // pkg:oci, pkg:github, files: nothing to match
                }
                continue;
            }
            if (candidate.ecosystem().isOs() && candidate.os().isEmpty() && doc.os().isPresent()) {
                candidate = withOs(candidate, doc.os().get());
            }
            candidates.add(candidate);
            refs.computeIfAbsent(candidate.purl(), k -> new ArrayList<>()).add(c.ref().orElse(c.purl()));
            packages.add(inventoryPackage(purl, candidate, location, c.ref()));
        }
        MatchResult matched = engine.match(candidates, target);
        problems.addAll(matched.problems());
        Optional<OsRelease> os = doc.os().or(() -> candidates.stream().filter(c -> c.ecosystem().isOs())
                .map(Candidate::os).flatMap(Optional::stream).findFirst());
        Inventory inventory = new Inventory(target, Optional.empty(), os, packages, List.of());
        List<Finding> findings = List.copyOf(matched.findings());
        return new Scanned(new ScanResult(target, inventory, findings, problems), refs);
    }

    private static boolean isKnownType(PackageURL purl) {
        for (dev.plimsoll.core.inventory.Ecosystem e : dev.plimsoll.core.inventory.Ecosystem.values()) {
            if (e.purlType().equals(purl.getType()) && e != dev.plimsoll.core.inventory.Ecosystem.GENERIC) {
                return true;
            }
        }
        return false;
    }

    private static Candidate withOs(Candidate c, OsRelease os) {
        return new Candidate(c.name(), c.version(), c.ecosystem(), c.source(), Optional.of(os), c.location(),
                c.purl(), c.fromSbom());
    }

    private static Package inventoryPackage(PackageURL purl, Candidate c, Optional<Location> location,
                                            Optional<String> ref) {
        Optional<Package> os = PurlPackages.osPackage(purl, location);
        if (os.isPresent()) {
            return os.get();
        }
        return new Package(c.name(), c.version(), c.ecosystem(), c.source(), List.of(),
                location.map(List::of).orElse(List.of()), Optional.empty(), PurlPackages.FOUND_BY,
                new PackageMetadata.Listed(c.purl(), ref));
    }
}
