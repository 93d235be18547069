package dev.plimsoll.analyzer.os.apk;

import dev.plimsoll.analyzer.os.LayerAttribution;
import dev.plimsoll.analyzer.os.apk.ApkInstalledParser.ApkRecord;
import dev.plimsoll.analyzer.os.apk.ApkInstalledParser.PackageKey;
import dev.plimsoll.analyzer.os.apk.ApkInstalledParser.Parsed;
import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.analysis.DeclaredAnalyzer;
import dev.plimsoll.core.analysis.ProblemLog;
import dev.plimsoll.core.analysis.ScanContext;
import dev.plimsoll.core.analysis.UntrustedText;
import dev.plimsoll.core.fs.FileEntry;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.SourcePackage;
import dev.plimsoll.core.problem.ProblemKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Alpine-family packages (Alpine, Wolfi, Chainguard) from apk's installed database. The source package is the
 * origin (the APKBUILD that built the package) at the package's version, since apk builds all subpackages of an
 * origin at one version; a package without an origin is its own source.
 *
 * <p>Deleted files are asked for only to receive the older copies of the database that lower layers wrote, which
 * tell which layer introduced each package ({@link LayerAttribution}).
 */
public final class ApkAnalyzer extends DeclaredAnalyzer {
    public static final AnalyzerId ID = AnalyzerId.of("os/apk");

    static final String INSTALLED = "/lib/apk/db/installed";
    /** Databases with file lists of large images reach a few tens of MiB. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    public ApkAnalyzer() {
        super(ID, 1, Interests.of(PathInterest.exact(INSTALLED)).withDeleted().withMaxBytes(MAX_BYTES));
    }

    @Override
    public Session open(ScanContext context) {
        return new ApkSession();
    }

    private static final class ApkSession implements Session {
        private final ProblemLog problems = new ProblemLog(ID.value());
        private final LayerAttribution<PackageKey> attribution = new LayerAttribution<>();
        private FileMeta visible;
        private List<ApkRecord> installed = List.of();

        @Override
        public void accept(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            if (!meta.path().equals(INSTALLED)) {
                return;
            }
            boolean readable = meta.isRegular() && file.hasContent();
            if (meta.visibility() == Visibility.VISIBLE) {
                if (visible != null && visible.layer().index() >= meta.layer().index()) {
                    return;
                }
                if (!readable) {
                    problems.add(ProblemKind.UNSUPPORTED, meta, "the installed database is a " + meta.type()
                            + ", not a regular file; its packages are not read");
                    return;
                }
                byte[] bytes = file.readAllBytes();
                if (bytes.length == 0) {
                    // An empty database in an image is what a blanked one looks like; "no packages" would be a
                    // misleadingly complete answer.
                    problems.add(ProblemKind.INCONSISTENT, meta, "the installed database is empty");
                }
                Parsed parsed = ApkInstalledParser.parse(UntrustedText.decode(bytes));
                parsed.faults().forEach(f -> problems.malformed(meta, f.line(), f.message()));
                visible = meta;
                installed = parsed.packages();
            } else if (readable) {
                Parsed parsed = ApkInstalledParser.parseLean(UntrustedText.decode(file.readAllBytes()));
                parsed.faults().forEach(f -> problems.malformed(meta, f.line(), f.message()));
                Set<PackageKey> keys = new HashSet<>();
                parsed.packages().forEach(r -> keys.add(r.key()));
                attribution.addOlderCopy(meta.layer(), meta.visibility(), keys);
            }
        }

        @Override
        public AnalyzerOutput finish() {
            if (visible == null) {
                return AnalyzerOutput.packages(List.of(), problems.problems());
            }
            Map<PackageKey, Package> packages = new LinkedHashMap<>();
            LayerRef layer = visible.layer();
            Location location = Location.of(visible.path(), layer);
            for (ApkRecord r : installed) {
                if (packages.containsKey(r.key())) {
                    problems.add(ProblemKind.INCONSISTENT, visible, "line " + r.line() + ": package " + r.name()
                            + " " + r.version() + " is listed twice");
                    continue;
                }
                PackageMetadata.Apk metadata = new PackageMetadata.Apk(r.architecture(), r.origin(), r.maintainer(),
                        r.url(), r.commit(), r.installedSize(), r.depends(), r.files());
                SourcePackage source = new SourcePackage(r.origin().orElse(r.name()), r.version());
                packages.put(r.key(), new Package(r.name(), r.version(), Ecosystem.APK, Optional.of(source),
                        r.license().map(List::of).orElse(List.of()), List.of(location),
                        Optional.of(attribution.introducedIn(r.key(), layer)), ID, metadata));
            }
            List<Package> sorted = new ArrayList<>(packages.values());
            sorted.sort(Comparator.comparing(Package::name).thenComparing(Package::version)
                    .thenComparing(p -> ((PackageMetadata.Apk) p.metadata()).architecture()));
            return AnalyzerOutput.packages(sorted, problems.problems());
        }
    }
}
