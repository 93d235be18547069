package dev.plimsoll.analyzer.os.dpkg;

import dev.plimsoll.analyzer.os.LayerAttribution;
import dev.plimsoll.analyzer.os.dpkg.DpkgStatusParser.DpkgRecord;
import dev.plimsoll.analyzer.os.dpkg.DpkgStatusParser.MissingStatus;
import dev.plimsoll.analyzer.os.dpkg.DpkgStatusParser.PackageKey;
import dev.plimsoll.analyzer.os.dpkg.DpkgStatusParser.Parsed;
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
import dev.plimsoll.core.problem.ProblemKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Debian-family packages from dpkg's database: {@code /var/lib/dpkg/status} with the installed files from
 * {@code info/NAME.list} (or {@code info/NAME:ARCH.list} for Multi-Arch: same packages), and the per-package files of
 * distroless images in {@code status.d/}, whose {@code .md5sums} companions give the files instead.
 *
 * <p>Deleted files are asked for only to receive the older copies of the status file that lower layers wrote; they
 * tell which layer introduced each package ({@link LayerAttribution}). Older copies of the other files are ignored:
 * a status.d package is introduced by the layer of its file, and only visible file lists describe the image.
 */
public final class DpkgAnalyzer extends DeclaredAnalyzer {
    public static final AnalyzerId ID = AnalyzerId.of("os/dpkg");

    static final String STATUS = "/var/lib/dpkg/status";
    static final String STATUS_D = "/var/lib/dpkg/status.d/";
    static final String INFO = "/var/lib/dpkg/info/";
    private static final String LIST_SUFFIX = ".list";
    private static final String MD5SUMS_SUFFIX = ".md5sums";
    /** Large images have status files of a few MiB; anything far above is not a dpkg database worth reading. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    public DpkgAnalyzer() {
        super(ID, 1, Interests.of(PathInterest.exact(STATUS), PathInterest.glob(STATUS_D + "*"),
                PathInterest.glob(INFO + "*" + LIST_SUFFIX)).withDeleted().withMaxBytes(MAX_BYTES));
    }

    @Override
    public Session open(ScanContext context) {
        return new DpkgSession();
    }

    /** A parsed database file and its packages. */
    private record Database(FileMeta file, List<DpkgRecord> installed) {
    }

    private static final class DpkgSession implements Session {
        private final ProblemLog problems = new ProblemLog(ID.value());
        private Database visibleStatus;
        private final LayerAttribution<PackageKey> attribution = new LayerAttribution<>();
        private final List<Database> statusD = new ArrayList<>();
        /** status.d md5sums files by the path of the status.d file they belong to. */
        private final Map<String, List<String>> md5sums = new HashMap<>();
        /** info/*.list contents by base name without ".list" ("libc6:amd64"). */
        private final Map<String, List<String>> lists = new HashMap<>();

        @Override
        public void accept(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            String path = meta.path();
            boolean visible = meta.visibility() == Visibility.VISIBLE;
            if (path.equals(STATUS)) {
                if (visible) {
                    acceptVisibleStatus(file);
                } else {
                    acceptOlderStatus(file);
                }
            } else if (!visible) {
                return;
            } else if (path.startsWith(STATUS_D) && path.indexOf('/', STATUS_D.length()) < 0) {
                acceptStatusD(file);
            } else if (path.startsWith(INFO) && path.endsWith(LIST_SUFFIX) && hasBytes(file)) {
                String name = meta.basename();
                lists.put(name.substring(0, name.length() - LIST_SUFFIX.length()),
                        installedFiles(UntrustedText.decode(file.readAllBytes())));
            }
        }

        private void acceptVisibleStatus(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            if (visibleStatus != null && visibleStatus.file().layer().index() >= meta.layer().index()) {
                return;
            }
            if (!hasBytes(file)) {
                problems.add(ProblemKind.UNSUPPORTED, meta, "the status file is a " + meta.type()
                        + ", not a regular file; its packages are not read");
                return;
            }
            byte[] bytes = file.readAllBytes();
            if (bytes.length == 0) {
                // A dpkg database without a single package is what a truncated or blanked database looks like,
                // so the report must not present "no packages" as a complete answer.
                problems.add(ProblemKind.INCONSISTENT, meta, "the status file is empty");
            }
            Parsed parsed = DpkgStatusParser.parse(UntrustedText.decode(bytes), MissingStatus.NOT_INSTALLED);
            report(meta, parsed);
            visibleStatus = new Database(meta, parsed.installed());
        }

        private void acceptOlderStatus(FileEntry file) throws IOException {
            if (!hasBytes(file)) {
                return;
            }
            Parsed parsed = DpkgStatusParser.parseLean(UntrustedText.decode(file.readAllBytes()),
                    MissingStatus.NOT_INSTALLED);
            report(file.meta(), parsed);
            Set<PackageKey> keys = new HashSet<>();
            parsed.installed().forEach(r -> keys.add(r.key()));
            attribution.addOlderCopy(file.meta().layer(), file.meta().visibility(), keys);
        }

        private void acceptStatusD(FileEntry file) throws IOException {
            if (!hasBytes(file)) {
                return;
            }
            String path = file.meta().path();
            String text = UntrustedText.decode(file.readAllBytes());
            if (path.endsWith(MD5SUMS_SUFFIX)) {
                md5sums.put(path.substring(0, path.length() - MD5SUMS_SUFFIX.length()), md5sumsFiles(text));
                return;
            }
            Parsed parsed = DpkgStatusParser.parse(text, MissingStatus.INSTALLED);
            report(file.meta(), parsed);
            statusD.add(new Database(file.meta(), parsed.installed()));
        }

        private static boolean hasBytes(FileEntry file) {
            return file.meta().isRegular() && file.hasContent();
        }

        private void report(FileMeta meta, Parsed parsed) {
            parsed.faults().forEach(f -> problems.malformed(meta, f.line(), f.message()));
        }

        @Override
        public AnalyzerOutput finish() {
            Map<PackageKey, Package> packages = new LinkedHashMap<>();
            if (visibleStatus != null) {
                checkDuplicates(visibleStatus);
                LayerRef layer = visibleStatus.file().layer();
                for (DpkgRecord r : visibleStatus.installed()) {
                    add(packages, r, visibleStatus.file(), attribution.introducedIn(r.key(), layer),
                            listedFiles(r));
                }
            }
            // Sorted by path so that the result does not depend on the order the files arrived in.
            statusD.sort(Comparator.comparing(d -> d.file().path()));
            for (Database d : statusD) {
                // An md5sums companion lists the files of the one package of its status.d file; old distroless
                // images put several packages in one file, with no companion to split.
                List<String> files = d.installed().size() == 1 ? md5sums.get(d.file().path()) : null;
                for (DpkgRecord r : d.installed()) {
                    add(packages, r, d.file(), d.file().layer(), files != null ? files : listedFiles(r));
                }
            }
            List<Package> sorted = new ArrayList<>(packages.values());
            sorted.sort(Comparator.comparing(Package::name).thenComparing(Package::version)
                    .thenComparing(p -> ((PackageMetadata.Dpkg) p.metadata()).architecture()));
            return AnalyzerOutput.packages(sorted, problems.problems());
        }

        /** dpkg refuses a database with two instances of a package that are not co-installable; we keep both. */
        private void checkDuplicates(Database db) {
            Map<String, Integer> lines = new TreeMap<>();
            for (DpkgRecord r : db.installed()) {
                Integer earlier = lines.putIfAbsent(r.name() + ":" + r.architecture(), r.line());
                if (earlier != null) {
                    problems.add(ProblemKind.INCONSISTENT, db.file(), "line " + r.line() + ": package " + r.name()
                            + " (" + r.architecture() + ") is listed again (first at line " + earlier + ")");
                }
            }
        }

        /**
         * One package per name, version and architecture: the same package in the status file and in status.d
         * is one package found in two places, introduced by the lower of their layers.
         */
        private static void add(Map<PackageKey, Package> packages, DpkgRecord r, FileMeta file, LayerRef introduced,
                                List<String> files) {
            Location location = Location.of(file.path(), file.layer());
            Package existing = packages.get(r.key());
            if (existing != null) {
                List<Location> locations = new ArrayList<>(existing.locations());
                if (!locations.contains(location)) {
                    locations.add(location);
                }
                LayerRef earliest = existing.introducedIn().filter(l -> l.index() <= introduced.index())
                        .orElse(introduced);
                packages.put(r.key(), new Package(existing.name(), existing.version(), existing.ecosystem(),
                        existing.source(), existing.licenses(), locations, Optional.of(earliest), ID,
                        existing.metadata()));
                return;
            }
            PackageMetadata.Dpkg metadata = new PackageMetadata.Dpkg(r.architecture(), r.maintainer(),
                    r.multiArch(), r.installedSizeKib(), r.depends(), files);
            packages.put(r.key(), new Package(r.name(), r.version(), Ecosystem.DEB, Optional.of(r.source()),
                    List.of(), List.of(location), Optional.of(introduced), ID, metadata));
        }

        /** The package's info list under the name dpkg gives it, or the other form (older dpkg databases). */
        private List<String> listedFiles(DpkgRecord r) {
            String qualified = r.name() + ":" + r.architecture();
            List<String> first = lists.get(r.archQualifiedInfo() ? qualified : r.name());
            if (first != null) {
                return first;
            }
            List<String> other = r.archQualifiedInfo() ? lists.get(r.name()) : lists.get(qualified);
            return other != null ? other : List.of();
        }
    }

    /**
     * The paths of an info/*.list file without its directories: dpkg lists a package's directories along with its
     * files ("/.", "/usr", "/usr/bin", ...), always before their contents, so an entry that the next entry lies
     * under is a directory. An empty directory the package owns stays listed, which is harmless for the uses of
     * the file list (attributing files to packages).
     */
    static List<String> installedFiles(String text) {
        List<String> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            String path = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (path.startsWith("/") && !path.equals("/.")) {
                entries.add(path);
            }
        }
        List<String> files = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String path = entries.get(i);
            boolean directory = i + 1 < entries.size() && entries.get(i + 1).startsWith(path + "/");
            if (!directory) {
                files.add(path);
            }
        }
        return files;
    }

    /** The paths of a distroless md5sums file: "HEX␠␠relative/path" per line. */
    static List<String> md5sumsFiles(String text) {
        List<String> files = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            int space = l.indexOf(' ');
            if (space <= 0) {
                continue;
            }
            String path = l.substring(space).strip();
            if (!path.isEmpty()) {
                files.add(path.startsWith("/") ? path : "/" + path);
            }
        }
        return files;
    }
}
