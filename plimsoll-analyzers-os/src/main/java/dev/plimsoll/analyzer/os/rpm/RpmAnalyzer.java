package dev.plimsoll.analyzer.os.rpm;

import dev.plimsoll.analyzer.os.LayerAttribution;
import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.analysis.DeclaredAnalyzer;
import dev.plimsoll.core.analysis.ScanContext;
import dev.plimsoll.core.fs.FileEntry;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.SourcePackage;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.rpmdb.RpmDatabase;
import dev.plimsoll.rpmdb.RpmLimits;
import dev.plimsoll.rpmdb.RpmPackage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Installed rpm packages, from whichever database the image has: sqlite (rpm ≥ 4.16), ndb (SUSE) or the Berkeley
 * DB hash file of older distributions, in /var/lib/rpm or /usr/lib/sysimage/rpm. Older copies of the database in
 * lower layers tell which layer introduced each package.
 */
public final class RpmAnalyzer extends DeclaredAnalyzer {
    private static final AnalyzerId ID = AnalyzerId.of("os/rpm");
    /** Candidate databases, most authoritative first: where several exist, rpm itself would use the first. */
    private static final List<String> DATABASES = List.of(
            "/usr/lib/sysimage/rpm/rpmdb.sqlite", "/var/lib/rpm/rpmdb.sqlite",
            "/usr/lib/sysimage/rpm/Packages.db", "/var/lib/rpm/Packages.db",
            "/usr/lib/sysimage/rpm/Packages", "/var/lib/rpm/Packages");

    private final RpmLimits limits;

    public RpmAnalyzer() {
        this(RpmLimits.defaults());
    }

    public RpmAnalyzer(RpmLimits limits) {
        super(ID, 1, new Interests(DATABASES.stream().map(PathInterest::exact).map(PathInterest.class::cast).toList(),
                true, Interests.DEFAULT_MAX_BYTES));
        this.limits = limits;
    }

    @Override
    public Session open(ScanContext context) {
        return new RpmSession();
    }

    /** One identity of an installed package across database copies. */
    private record Key(String name, String evr, String arch) {
    }

    private final class RpmSession implements Session {
        private final Map<String, FileEntry> visible = new HashMap<>();
        /** Older copies of the database, by layer index: they date each package. */
        private final Map<Integer, FileEntry> older = new HashMap<>();
        private final List<ScanProblem> problems = new ArrayList<>();

        @Override
        public void accept(FileEntry file) {
            FileMeta meta = file.meta();
            if (!meta.isRegular() || !file.hasContent()) {
                return;
            }
            if (!meta.visibility().deleted()) {
                visible.put(meta.path(), file);
            } else {
                older.merge(meta.layer().index(), file,
                        (a, b) -> rank(a.meta().path()) <= rank(b.meta().path()) ? a : b);
            }
        }

        @Override
        public AnalyzerOutput finish() {
            Optional<FileEntry> db = DATABASES.stream().map(visible::get).filter(e -> e != null).findFirst();
            if (db.isEmpty()) {
                return AnalyzerOutput.packages(List.of(), problems);
            }
            FileEntry entry = db.get();
            List<RpmPackage> installed = read(entry);
            if (installed == null) {
                return AnalyzerOutput.packages(List.of(), problems);
            }
            Map<Key, LayerRef> introduced = introducedIn(entry, installed);
            List<Package> packages = new ArrayList<>(installed.size());
            Location location = Location.of(entry.meta().path(), entry.meta().layer());
            for (RpmPackage p : installed) {
                packages.add(toPackage(p, location, Optional.ofNullable(introduced.get(key(p)))));
            }
            packages.sort(Comparator.comparing(Package::name).thenComparing(Package::version)
                    .thenComparing(p -> ((PackageMetadata.Rpm) p.metadata()).architecture()));
            return AnalyzerOutput.packages(packages, problems);
        }

        /** Dates each package by the older copies of the database (see {@link LayerAttribution}). */
        private Map<Key, LayerRef> introducedIn(FileEntry top, List<RpmPackage> installed) {
            LayerAttribution<Key> attribution = new LayerAttribution<>();
            for (FileEntry copy : older.values()) {
                if (copy.meta().layer().index() >= top.meta().layer().index()) {
                    continue;
                }
                List<RpmPackage> then = read(copy);
                if (then != null) {
                    Set<Key> keys = new HashSet<>();
                    then.forEach(p -> keys.add(key(p)));
                    attribution.addOlderCopy(copy.meta().layer(), copy.meta().visibility(), keys);
                }
            }
            Map<Key, LayerRef> introduced = new HashMap<>();
            for (RpmPackage p : installed) {
                introduced.put(key(p), attribution.introducedIn(key(p), top.meta().layer()));
            }
            return introduced;
        }

        /** Reads one copy of the database; null (with a problem recorded) when it cannot be read. */
        private List<RpmPackage> read(FileEntry entry) {
            Path tmp = null;
            try {
                // The readers need a file (sqlite cannot read from memory); a private copy, removed right after.
                tmp = Files.createTempFile("plimsoll-rpmdb-", ".db",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (InputStream in = entry.open()) {
                    Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                return RpmDatabase.read(tmp, limits);
            } catch (IOException | RuntimeException e) {
                problems.add(new ScanProblem(ProblemKind.MALFORMED_FILE, ID.value(),
                        Optional.of(entry.meta().layer().id()), Optional.of(entry.meta().path()),
                        "cannot read the rpm database: " + e.getMessage()));
                return null;
            } finally {
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // a leftover private temp file is harmless; the scan result is what matters
                    }
                }
            }
        }
    }

    private static int rank(String path) {
        int i = DATABASES.indexOf(path);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static Key key(RpmPackage p) {
        return new Key(p.name(), evr(p), p.arch());
    }

    /** EPOCH:VERSION-RELEASE, the epoch only when the header has one (as rpm prints %{EVR}). */
    static String evr(RpmPackage p) {
        return p.epoch().map(e -> e + ":").orElse("") + p.version() + "-" + p.release();
    }

    static Package toPackage(RpmPackage p, Location location, Optional<LayerRef> introducedIn) {
        Optional<SourcePackage> source = p.sourceRpm().flatMap(s -> sourcePackage(s, p.epoch()));
        PackageMetadata.Rpm metadata = new PackageMetadata.Rpm(p.epoch(), p.version(), p.release(), p.arch(),
                p.sourceRpm(), p.vendor(), p.modularityLabel(), p.size(), p.files());
        return new Package(p.name(), evr(p), Ecosystem.RPM, source, p.license().stream().toList(),
                List.of(location), introducedIn, ID, metadata);
    }

    /**
     * "openssl-3.0.7-24.el9.src.rpm" → openssl, 3.0.7-24.el9. The source rpm carries no epoch; the binary's is
     * the source's (they are built together), as vulnerability data for source packages expects.
     */
    static Optional<SourcePackage> sourcePackage(String sourceRpm, Optional<Integer> epoch) {
        String s = sourceRpm;
        for (String suffix : List.of(".src.rpm", ".nosrc.rpm")) {
            if (s.endsWith(suffix)) {
                s = s.substring(0, s.length() - suffix.length());
            }
        }
        int releaseDash = s.lastIndexOf('-');
        int versionDash = releaseDash <= 0 ? -1 : s.lastIndexOf('-', releaseDash - 1);
        if (versionDash <= 0) {
            return Optional.empty();
        }
        String version = epoch.map(e -> e + ":").orElse("") + s.substring(versionDash + 1);
        return Optional.of(new SourcePackage(s.substring(0, versionDash), version));
    }
}
