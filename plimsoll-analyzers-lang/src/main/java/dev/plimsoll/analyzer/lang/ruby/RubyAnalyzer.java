package dev.plimsoll.analyzer.lang.ruby;

import dev.plimsoll.analyzer.lang.FormatException;
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
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata.Declared.Relation;
import dev.plimsoll.core.inventory.PackageMetadata;
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
 * Ruby gems: locked ones from Bundler's {@code Gemfile.lock} (or {@code gems.locked}) and installed ones from the
 * specifications RubyGems writes for them ({@code GEM_HOME/specifications/*.gemspec}, default gems in
 * {@code specifications/default/}): /usr/local/bundle, /usr/lib/ruby/gems/3.1.0, /var/lib/gems/3.1.0,
 * /usr/share/rubygems-integration/all, an application's vendor/bundle/ruby/3.1.0.
 *
 * <p>A lockfile gem is reported once per name and version: the platform variants Bundler locks for a multi-platform
 * lockfile ("nokogiri (1.13.10-x86_64-linux)", "nokogiri (1.13.10-aarch64-linux)") are one version of one gem, each
 * variant's line a location of it. Gemfile groups are not in the lockfile, so no gem is marked dev; the
 * DEPENDENCIES section makes the gems the Gemfile names direct. Lockfiles inside installed gems (GEM_HOME/gems/NAME-
 * VERSION/Gemfile.lock, the gem's own development lockfile) describe nothing installed and are ignored.
 *
 * <p>The model has no field for a gem's platform: it stays visible in the lockfile lines and gemspec paths only.
 */
public final class RubyAnalyzer extends DeclaredAnalyzer {
    public static final AnalyzerId ID = AnalyzerId.of("lang/ruby");

    static final String GEMFILE_LOCK = "Gemfile.lock";
    static final String GEMS_LOCKED = "gems.locked";
    private static final String SPECIFICATIONS = "/specifications/";
    private static final String GEMSPEC = ".gemspec";
    /** Lockfiles are tens of KiB, specifications a few (their file lists at most a few hundred KiB). */
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    public RubyAnalyzer() {
        super(ID, 1, Interests.of(PathInterest.basename(GEMFILE_LOCK), PathInterest.basename(GEMS_LOCKED),
                PathInterest.glob("/**/specifications/*" + GEMSPEC),
                PathInterest.glob("/**/specifications/default/*" + GEMSPEC)).withMaxBytes(MAX_BYTES));
    }

    @Override
    public Session open(ScanContext context) {
        return new RubySession();
    }

    private record Lock(FileMeta file, GemfileLock lock) {
    }

    private static final class RubySession implements Session {
        private final ProblemLog problems = new ProblemLog(ID.value());
        private final List<Lock> locks = new ArrayList<>();
        private final List<Package> installed = new ArrayList<>();
        /** Directories holding a specifications/ directory: GEM_HOMEs, whose gems/ are installed gems. */
        private final Set<String> gemHomes = new HashSet<>();

        @Override
        public void accept(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            if (!meta.isRegular() || !file.hasContent()) {
                return;
            }
            String name = meta.basename();
            if (name.equals(GEMFILE_LOCK) || name.equals(GEMS_LOCKED)) {
                acceptLock(file);
            } else if (name.endsWith(GEMSPEC) && name.length() > GEMSPEC.length()) {
                acceptGemspec(file);
            }
        }

        private void acceptLock(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            try {
                GemfileLock lock = GemfileLock.parse(UntrustedText.decode(file.readAllBytes()));
                lock.faults().forEach(f -> problems.malformed(meta, f.line(), f.message()));
                locks.add(new Lock(meta, lock));
            } catch (FormatException e) {
                problems.add(e.limit() ? ProblemKind.LIMIT_EXCEEDED : ProblemKind.MALFORMED_FILE, meta,
                        e.describe() + "; its gems are not read");
            }
        }

        private void acceptGemspec(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            String path = meta.path();
            int at = path.lastIndexOf(SPECIFICATIONS);
            if (at < 0) {
                return;
            }
            gemHomes.add(path.substring(0, at));
            Gemspec spec;
            try {
                spec = Gemspec.parse(UntrustedText.decode(file.readAllBytes()));
            } catch (FormatException e) {
                problems.add(ProblemKind.MALFORMED_FILE, meta, e.describe() + "; the gem is not reported");
                return;
            }
            installed.add(new Package(spec.name(), spec.version(), Ecosystem.GEM, Optional.empty(), spec.licenses(),
                    List.of(Location.of(path, meta.layer())), Optional.of(meta.layer()), ID,
                    new PackageMetadata.Declared("gemspec", false, Relation.UNKNOWN, Optional.empty(),
                            Optional.empty())));
        }

        @Override
        public AnalyzerOutput finish() {
            List<Package> packages = new ArrayList<>(installed);
            for (Lock lock : locks) {
                if (!insideInstalledGem(lock.file().path())) {
                    packages.addAll(lockedPackages(lock.file(), lock.lock()));
                }
            }
            packages.sort(Comparator.comparing(Package::name).thenComparing(Package::version)
                    .thenComparing(p -> p.locations().get(0).path())
                    .thenComparingInt(p -> p.locations().get(0).line().orElse(0)));
            return AnalyzerOutput.packages(packages, problems.problems());
        }

        /** Under GEM_HOME/gems/ or GEM_HOME/bundler/gems/ (Bundler's git checkouts) of a GEM_HOME seen here. */
        private boolean insideInstalledGem(String path) {
            for (String home : gemHomes) {
                if (path.startsWith(home + "/gems/") || path.startsWith(home + "/bundler/gems/")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One package per name and version, its platform variants' lines its locations. */
    static List<Package> lockedPackages(FileMeta file, GemfileLock lock) {
        Map<String, List<GemfileLock.Spec>> byNameVersion = new LinkedHashMap<>();
        for (GemfileLock.Spec s : lock.specs()) {
            byNameVersion.computeIfAbsent(s.name() + " " + s.version(), k -> new ArrayList<>()).add(s);
        }
        List<Package> out = new ArrayList<>();
        for (List<GemfileLock.Spec> variants : byNameVersion.values()) {
            GemfileLock.Spec first = variants.get(0);
            Relation relation = lock.direct().map(d -> d.contains(first.name()) ? Relation.DIRECT : Relation.TRANSITIVE)
                    .orElse(Relation.UNKNOWN);
            // A checksum belongs to one variant's file; for several variants no single one describes the package.
            Optional<String> checksum = variants.size() == 1
                    ? Optional.ofNullable(lock.checksums().get(first.fullName())) : Optional.empty();
            List<Location> locations = variants.stream()
                    .map(s -> Location.of(file.path(), file.layer()).atLine(s.line())).toList();
            out.add(new Package(first.name(), first.version(), Ecosystem.GEM, Optional.empty(), List.of(), locations,
                    Optional.of(file.layer()), ID, new PackageMetadata.Declared(file.basename(), false, relation,
                    first.source().resolved(), checksum)));
        }
        return out;
    }
}
