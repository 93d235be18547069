package dev.plimsoll.analyzer.os.release;

import dev.plimsoll.analyzer.os.Texts;
import dev.plimsoll.analyzer.os.dpkg.ControlFileParser;
import dev.plimsoll.analyzer.os.release.LegacyReleaseParser.Release;
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
import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.problem.ProblemKind;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Detects the operating system of an image from its visible release files. Precedence:
 * <ol>
 *   <li>{@code /etc/os-release}, then {@code /usr/lib/os-release} (os-release(5)); a symbolic link
 *       ({@code /etc/os-release -> ../usr/lib/os-release} on Debian and Red Hat systems) is followed through the
 *       files this analyzer received, relative to its directory and never above the root;</li>
 *   <li>the older files, most specific first: lsb-release (Ubuntu), alpine-release, the Red Hat family
 *       (rocky, almalinux, centos, oracle, fedora before redhat-release and system-release, which derivatives
 *       also ship naming whichever product wrote them), SuSE-release, photon-release, debian_version;</li>
 *   <li>distroless Debian images that carry no release file: a {@code /var/lib/dpkg/status.d} directory means
 *       Debian, and the base-files version in it gives the release.</li>
 * </ol>
 * Finer versions go to {@link OsRelease#detail()}: Debian's point release from debian_version ("12.8"), the Red
 * Hat family's from its release file where finer than VERSION_ID (CentOS "7.9.2009"), Ubuntu's from VERSION
 * ("22.04.3").
 */
public final class OsReleaseAnalyzer extends DeclaredAnalyzer {
    public static final AnalyzerId ID = AnalyzerId.of("os/release");

    static final String ETC_OS_RELEASE = "/etc/os-release";
    static final String USR_LIB_OS_RELEASE = "/usr/lib/os-release";
    static final String LSB_RELEASE = "/etc/lsb-release";
    static final String DEBIAN_VERSION = "/etc/debian_version";
    static final String ALPINE_RELEASE = "/etc/alpine-release";
    static final String SUSE_RELEASE = "/etc/SuSE-release";
    static final String PHOTON_RELEASE = "/etc/photon-release";
    static final String STATUS_D = "/var/lib/dpkg/status.d";

    /** The Red Hat family's files, specific before generic, each with the id its name implies. */
    private static final List<Map.Entry<String, Optional<String>>> RED_HAT_FILES = List.of(
            Map.entry("/etc/rocky-release", Optional.of("rocky")),
            Map.entry("/etc/almalinux-release", Optional.of("almalinux")),
            Map.entry("/etc/centos-release", Optional.of("centos")),
            Map.entry("/etc/oracle-release", Optional.of("ol")),
            Map.entry("/etc/fedora-release", Optional.of("fedora")),
            Map.entry("/etc/redhat-release", Optional.of("rhel")),
            Map.entry("/etc/system-release", Optional.empty()));

    /** The release file of each Red Hat family id, for the finer version it may hold. */
    private static final Map<String, String> RED_HAT_DETAIL = Map.of("rocky", "/etc/rocky-release",
            "almalinux", "/etc/almalinux-release", "centos", "/etc/centos-release", "ol", "/etc/oracle-release",
            "fedora", "/etc/fedora-release", "rhel", "/etc/redhat-release", "amzn", "/etc/system-release");

    /** Release files are a few hundred bytes; the bound keeps hostile ones out. */
    private static final long MAX_BYTES = 1024 * 1024;
    private static final int MAX_LINK_HOPS = 16;
    private static final int MAX_TOKEN = 64;
    private static final int MAX_TEXT = 256;

    public OsReleaseAnalyzer() {
        super(ID, 1, releaseFiles());
    }

    private static Interests releaseFiles() {
        List<PathInterest> paths = new ArrayList<>();
        Stream.of(ETC_OS_RELEASE, USR_LIB_OS_RELEASE, LSB_RELEASE, ALPINE_RELEASE, SUSE_RELEASE, PHOTON_RELEASE,
                DEBIAN_VERSION).map(PathInterest::exact).forEach(paths::add);
        RED_HAT_FILES.forEach(e -> paths.add(PathInterest.exact(e.getKey())));
        paths.add(PathInterest.glob(STATUS_D + "/*"));
        return new Interests(paths, false, MAX_BYTES);
    }

    @Override
    public Session open(ScanContext context) {
        return new ReleaseSession();
    }

    /** A received file: its metadata and, for regular files, its text. */
    private record Received(FileMeta meta, Optional<String> text) {
    }

    /** A file read through any symbolic links: the path the text came from. */
    private record Resolved(String path, String text) {
    }

    private static final class ReleaseSession implements Session {
        private final ProblemLog problems = new ProblemLog(ID.value());
        /** By path; a TreeMap so that status.d files are looked at in a fixed order. */
        private final Map<String, Received> files = new TreeMap<>();

        @Override
        public void accept(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            if (meta.visibility() != Visibility.VISIBLE) {
                return;
            }
            Optional<String> text = meta.isRegular() && file.hasContent()
                    ? Optional.of(UntrustedText.decode(file.readAllBytes())) : Optional.empty();
            files.put(meta.path(), new Received(meta, text));
        }

        @Override
        public AnalyzerOutput finish() {
            Optional<OsRelease> os = detect();
            return new AnalyzerOutput(List.of(), os, List.of(), problems.problems());
        }

        private Optional<OsRelease> detect() {
            Optional<Resolved> withoutId = Optional.empty();
            for (String path : List.of(ETC_OS_RELEASE, USR_LIB_OS_RELEASE)) {
                Optional<Resolved> file = resolve(path);
                if (file.isPresent()) {
                    Map<String, String> values = OsReleaseParser.parse(file.get().text());
                    String id = values.getOrDefault("ID", "").strip().toLowerCase(Locale.ROOT);
                    if (validId(id)) {
                        return Optional.of(fromOsRelease(values, file.get().path()));
                    }
                    if (!id.isEmpty()) {
                        problems.add(ProblemKind.MALFORMED_FILE, files.get(file.get().path()).meta(),
                                "ID \"" + UntrustedText.excerpt(id) + "\" is not an os-release ID");
                    }
                    withoutId = withoutId.or(() -> file);
                }
            }
            Optional<OsRelease> legacy = legacy();
            if (legacy.isPresent() || withoutId.isEmpty()) {
                return legacy;
            }
            // os-release(5): "If not set, a default of ID=linux may be used."
            Map<String, String> values = OsReleaseParser.parse(withoutId.get().text());
            values.put("ID", "linux");
            return Optional.of(fromOsRelease(values, withoutId.get().path()));
        }

        private OsRelease fromOsRelease(Map<String, String> v, String source) {
            String id = v.get("ID").strip().toLowerCase(Locale.ROOT);
            String versionId = v.getOrDefault("VERSION_ID", "").strip();
            String version = v.getOrDefault("VERSION", "").strip();
            Optional<String> codename = nonBlank(v.get("VERSION_CODENAME")).or(() -> nonBlank(v.get(
                    "UBUNTU_CODENAME")));
            if (codename.isEmpty() && id.equals("debian")) {
                // Debian 8 and earlier name the release only in VERSION="8 (jessie)".
                codename = parenthesised(version).filter(s -> s.indexOf(' ') < 0);
            }
            String pretty = nonBlank(v.get("PRETTY_NAME"))
                    .or(() -> nonBlank((v.getOrDefault("NAME", "") + " " + version).strip()))
                    .orElse("Linux");
            List<String> idLike = nonBlank(v.get("ID_LIKE"))
                    .map(s -> List.of(Texts.fold(s.toLowerCase(Locale.ROOT)).split(" ")))
                    .orElse(List.of());
            Optional<String> detail = Optional.empty();
            if (id.equals("debian")) {
                Optional<String> debianVersion = debianVersion();
                detail = debianVersion;
                if (versionId.isEmpty()) {
                    versionId = debianVersion.flatMap(d -> LegacyReleaseParser.debianVersion(d))
                            .map(Release::versionId).or(() -> nonBlank(v.get("VERSION_CODENAME"))).orElse("");
                }
            } else if (id.equals("ubuntu")) {
                detail = finer(versionId, firstWord(version));
            } else if (RED_HAT_DETAIL.containsKey(id)) {
                String finerFile = RED_HAT_DETAIL.get(id);
                String vid = versionId;
                detail = quietly(finerFile).flatMap(t -> LegacyReleaseParser.redHatStyle(t, Optional.of(id)))
                        .flatMap(r -> finer(vid, r.versionId()));
            }
            return bounded(new OsRelease(id, versionId, codename, pretty, idLike, detail, source));
        }

        private Optional<OsRelease> legacy() {
            List<Map.Entry<String, Function<String, Optional<Release>>>> readers = new ArrayList<>();
            readers.add(Map.entry(LSB_RELEASE, LegacyReleaseParser::lsb));
            readers.add(Map.entry(ALPINE_RELEASE, LegacyReleaseParser::alpine));
            for (Map.Entry<String, Optional<String>> e : RED_HAT_FILES) {
                readers.add(Map.entry(e.getKey(), t -> LegacyReleaseParser.redHatStyle(t, e.getValue())));
            }
            readers.add(Map.entry(SUSE_RELEASE, LegacyReleaseParser::suse));
            readers.add(Map.entry(PHOTON_RELEASE, LegacyReleaseParser::photon));
            readers.add(Map.entry(DEBIAN_VERSION, LegacyReleaseParser::debianVersion));
            for (Map.Entry<String, Function<String, Optional<Release>>> reader : readers) {
                Optional<Resolved> file = resolve(reader.getKey());
                Optional<Release> release = file.flatMap(f -> reader.getValue().apply(f.text()))
                        .filter(r -> validId(r.id()));
                if (release.isPresent()) {
                    return Optional.of(fromLegacy(release.get(), file.get().path()));
                }
            }
            return distroless();
        }

        private OsRelease fromLegacy(Release r, String source) {
            // The Red Hat family's files already give the full version; only Debian keeps a finer one apart.
            Optional<String> detail = r.id().equals("debian") ? debianVersion() : Optional.empty();
            return bounded(new OsRelease(r.id(), r.versionId(), r.codename(), r.prettyName(), List.of(), detail,
                    source));
        }

        /**
         * Distroless Debian images keep one control file per package in status.d and may have no release file at
         * all. The release is then debian_version's, or else the major version of base-files, which Debian
         * numbers after the release ("12.4+deb12u5" on bookworm).
         */
        private Optional<OsRelease> distroless() {
            List<Received> statusD = files.values().stream()
                    .filter(r -> r.meta().path().startsWith(STATUS_D + "/")).toList();
            if (statusD.isEmpty()) {
                return Optional.empty();
            }
            ControlFileParser parser = new ControlFileParser(Set.of("package", "version"));
            for (Received r : statusD) {
                if (r.text().isEmpty() || r.meta().path().endsWith(".md5sums")) {
                    continue;
                }
                for (ControlFileParser.Paragraph p : parser.parse(r.text().get()).paragraphs()) {
                    String version = p.get("version");
                    if ("base-files".equals(p.get("package")) && version != null && !version.isEmpty()
                            && Character.isDigit(version.charAt(0))) {
                        String major = version.split("[.+~-]", 2)[0];
                        return Optional.of(bounded(new OsRelease("debian", major, Optional.empty(),
                                "Debian GNU/Linux " + major, List.of(), Optional.empty(), r.meta().path())));
                    }
                }
            }
            return Optional.of(new OsRelease("debian", "", Optional.empty(), "Debian GNU/Linux", List.of(),
                    Optional.empty(), STATUS_D));
        }

        private Optional<String> debianVersion() {
            return quietly(DEBIAN_VERSION).map(LegacyReleaseParser::firstLine).filter(s -> !s.isEmpty());
        }

        /** The text of a file, symbolic links followed, without recording a problem when it cannot be read. */
        private Optional<String> quietly(String path) {
            return follow(path).map(Resolved::text);
        }

        /**
         * The text of a file, following symbolic links through the received files; a link whose target is not
         * among them (dangling, or pointing outside the paths this analyzer asks for) is recorded.
         */
        private Optional<Resolved> resolve(String path) {
            Optional<Resolved> resolved = follow(path);
            if (resolved.isEmpty()) {
                Received r = files.get(path);
                if (r != null && r.meta().type() == FileType.SYMLINK) {
                    problems.add(ProblemKind.INCONSISTENT, r.meta(), "symbolic link to "
                            + r.meta().linkTarget().map(UntrustedText::excerpt).orElse("nothing")
                            + " could not be followed to a release file");
                }
            }
            return resolved;
        }

        private Optional<Resolved> follow(String path) {
            String current = path;
            Set<String> visited = new HashSet<>();
            for (int hop = 0; hop <= MAX_LINK_HOPS && visited.add(current); hop++) {
                Received r = files.get(current);
                if (r == null) {
                    return Optional.empty();
                }
                if (r.text().isPresent()) {
                    return Optional.of(new Resolved(current, r.text().get()));
                }
                if (r.meta().type() != FileType.SYMLINK || r.meta().linkTarget().isEmpty()) {
                    return Optional.empty();
                }
                current = linkTarget(current, r.meta().linkTarget().get());
            }
            return Optional.empty();
        }
    }

    /**
     * Where a symbolic link at {@code link} points: relative targets from the link's directory, ".." never above
     * the root (as the kernel resolves within a container's root).
     */
    static String linkTarget(String link, String target) {
        String base = target.startsWith("/") ? "" : link.substring(0, link.lastIndexOf('/'));
        Deque<String> parts = new ArrayDeque<>();
        for (String segment : (base + "/" + target).split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(segment);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** os-release(5): ID is lower case, with "0-9", "a-z", ".", "_" and "-" only; we also bound its length. */
    static boolean validId(String id) {
        if (id.isEmpty() || id.length() > MAX_TOKEN) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The release with every value kept to a sane size: versions and codenames are short tokens, names a line.
     * Hostile files cannot then put megabytes into every package URL and report.
     */
    private static OsRelease bounded(OsRelease r) {
        String pretty = r.prettyName().length() > MAX_TEXT ? r.prettyName().substring(0, MAX_TEXT) : r.prettyName();
        return new OsRelease(r.id(), token(r.versionId()).orElse(""), r.versionCodename().flatMap(
                OsReleaseAnalyzer::token), pretty, r.idLike().stream().filter(OsReleaseAnalyzer::validId).toList(),
                r.detail().flatMap(OsReleaseAnalyzer::token), r.source());
    }

    private static Optional<String> token(String s) {
        return s.isEmpty() || s.length() > MAX_TOKEN || Texts.hasWhitespace(s) ? Optional.empty() : Optional.of(s);
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    private static Optional<String> parenthesised(String s) {
        int open = s.indexOf('(');
        int close = s.indexOf(')', open + 1);
        return open >= 0 && close > open + 1 ? nonBlank(s.substring(open + 1, close)) : Optional.empty();
    }

    private static String firstWord(String s) {
        int blank = s.indexOf(' ');
        return blank < 0 ? s : s.substring(0, blank);
    }

    /** {@code candidate} when it refines {@code versionId} ("7.9.2009" of "7"), else nothing. */
    private static Optional<String> finer(String versionId, String candidate) {
        return !versionId.isEmpty() && candidate.startsWith(versionId + ".") ? Optional.of(candidate)
                : Optional.empty();
    }
}
