package dev.plimsoll.analyzer.lang.python;

import dev.plimsoll.analyzer.lang.Texts;
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
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.problem.ProblemKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Installed Python distributions, wherever they are (site-packages, dist-packages, virtual environments, source
 * trees): the core metadata of {@code NAME-VERSION.dist-info/METADATA} (wheels, pip), of
 * {@code NAME-VERSION.egg-info/PKG-INFO} (setuptools, Debian's python3-* packages) and of a plain
 * {@code NAME-VERSION.egg-info} file (distutils). Name and version come from the metadata, not from the directory
 * name, which pip normalises.
 */
public final class PythonAnalyzer extends DeclaredAnalyzer {
    public static final AnalyzerId ID = AnalyzerId.of("lang/python");

    private static final String DIST_INFO_METADATA = ".dist-info/METADATA";
    private static final String EGG_INFO_PKG_INFO = ".egg-info/PKG-INFO";
    private static final String EGG_INFO = ".egg-info";
    /** Metadata carries the long description, a few hundred KiB at most in practice. */
    private static final long MAX_BYTES = 16L * 1024 * 1024;
    /** PEP 508 names: letters, digits and "._-", starting and ending with a letter or digit. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");

    public PythonAnalyzer() {
        super(ID, 1, Interests.of(PathInterest.glob("/**/*" + DIST_INFO_METADATA),
                PathInterest.glob("/**/*" + EGG_INFO_PKG_INFO), PathInterest.suffix(EGG_INFO))
                .withMaxBytes(MAX_BYTES));
    }

    @Override
    public Session open(ScanContext context) {
        return new PythonSession();
    }

    private static final class PythonSession implements Session {
        private final ProblemLog problems = new ProblemLog(ID.value());
        private final List<Package> packages = new ArrayList<>();

        @Override
        public void accept(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            String layout = layout(meta.path());
            // An .egg-info directory matches the suffix too; only regular files hold metadata.
            if (layout == null || !meta.isRegular() || !file.hasContent()) {
                return;
            }
            CoreMetadata metadata = CoreMetadata.parse(UntrustedText.decode(file.readAllBytes()));
            Optional<String> name = metadata.first("Name");
            Optional<String> version = metadata.first("Version");
            if (name.isEmpty() || version.isEmpty()) {
                problems.add(ProblemKind.MALFORMED_FILE, meta, "no " + (name.isEmpty() ? "Name" : "Version")
                        + " field" + (metadata.badLine() > 0 ? " (the header ends at line " + metadata.badLine()
                        + ", which is not a field)" : "") + "; the distribution is not reported");
                return;
            }
            if (!NAME.matcher(name.get()).matches() || !Texts.isToken(version.get())) {
                problems.add(ProblemKind.MALFORMED_FILE, meta, "not a distribution name and version: "
                        + UntrustedText.excerpt(name.get()) + " " + UntrustedText.excerpt(version.get()));
                return;
            }
            PackageMetadata.Python python = new PackageMetadata.Python(layout,
                    metadata.first("Author").or(() -> metadata.first("Author-email")), homePage(metadata),
                    metadata.first("Requires-Python"));
            packages.add(new Package(name.get(), version.get(), Ecosystem.PYPI, Optional.empty(), licenses(metadata),
                    List.of(Location.of(meta.path(), meta.layer())), Optional.of(meta.layer()), ID, python));
        }

        @Override
        public AnalyzerOutput finish() {
            List<Package> sorted = new ArrayList<>(packages);
            sorted.sort(Comparator.comparing(Package::name).thenComparing(Package::version)
                    .thenComparing(p -> p.locations().get(0).path()));
            return AnalyzerOutput.packages(sorted, problems.problems());
        }
    }

    /** "dist-info" or "egg-info" for a metadata file's path, null for anything else the interests let through. */
    static String layout(String path) {
        if (path.endsWith(DIST_INFO_METADATA) && path.length() > DIST_INFO_METADATA.length() + 1) {
            return "dist-info";
        }
        if ((path.endsWith(EGG_INFO_PKG_INFO) && path.length() > EGG_INFO_PKG_INFO.length() + 1)
                || (path.endsWith(EGG_INFO) && !path.endsWith("/" + EGG_INFO))) {
            return "egg-info";
        }
        return null;
    }

    /** Home-page, else the Project-URL labelled "Homepage" (metadata 2.1 and later). */
    static Optional<String> homePage(CoreMetadata metadata) {
        Optional<String> homePage = metadata.first("Home-page").filter(h -> !h.equalsIgnoreCase("UNKNOWN"));
        if (homePage.isPresent()) {
            return homePage;
        }
        for (String url : metadata.all("Project-URL")) {
            int comma = url.indexOf(',');
            if (comma > 0 && url.substring(0, comma).strip().replaceAll("[-_. ]", "").equalsIgnoreCase("homepage")) {
                return Optional.of(url.substring(comma + 1).strip()).filter(u -> !u.isEmpty());
            }
        }
        return Optional.empty();
    }

    /**
     * The declared licenses: the SPDX License-Expression (PEP 639) when given; else a one-line License field
     * (a multi-line one is the license text, not its name); else the License classifiers' last parts
     * ("License :: OSI Approved :: MIT License" gives "MIT License").
     */
    static List<String> licenses(CoreMetadata metadata) {
        Optional<String> expression = metadata.first("License-Expression");
        if (expression.isPresent()) {
            return List.of(expression.get());
        }
        Optional<String> license = metadata.first("License");
        if (license.isPresent() && license.get().indexOf('\n') < 0 && !license.get().equalsIgnoreCase("UNKNOWN")) {
            return List.of(license.get());
        }
        List<String> fromClassifiers = new ArrayList<>();
        for (String classifier : metadata.all("Classifier")) {
            String[] parts = classifier.split("::");
            if (parts.length >= 2 && parts[0].strip().equals("License")) {
                String last = parts[parts.length - 1].strip();
                if (!last.isEmpty() && !last.equals("OSI Approved") && !fromClassifiers.contains(last)) {
                    fromClassifiers.add(last);
                }
            }
        }
        return fromClassifiers;
    }
}
