package dev.plimsoll.analyzer.lang.python;

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
import dev.plimsoll.core.inventory.PackageMetadata.Declared.Relation;
import dev.plimsoll.core.problem.ProblemKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Python packages that a project pins rather than installs: {@code requirements*.txt} files (see
 * {@link RequirementsSet} for which files and how includes and constraints are followed), {@code poetry.lock}
 * ({@link PoetryLock}), {@code Pipfile.lock} ({@link PipfileLock}) and {@code uv.lock} ({@link UvLock}). Every package
 * is a PyPI one, named and versioned as the file writes it, located at its file (and line), with
 * {@link PackageMetadata.Declared} facts: the file's kind, dev, relation, where it was resolved from, its checksum.
 *
 * <p>Files inside {@code site-packages}, {@code dist-packages} or {@code node_modules} belong to installed packages
 * (their own build and test requirements), not to the project, and are not read, as npm ignores the lockfiles of
 * its dependencies. A file that cannot be parsed is a problem naming it and the reason, and the scan goes on.
 */
public final class PythonLockAnalyzer extends DeclaredAnalyzer {
    public static final AnalyzerId ID = AnalyzerId.of("lang/python-lock");

    private static final String POETRY_LOCK = "poetry.lock";
    private static final String PIPFILE_LOCK = "Pipfile.lock";
    private static final String UV_LOCK = "uv.lock";
    private static final List<String> INSTALLED_TREES = List.of("/site-packages/", "/dist-packages/",
            "/node_modules/");
    /** Lockfiles of large projects are a few MiB; requirements files a few KiB. */
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    public PythonLockAnalyzer() {
        super(ID, 1, Interests.of(PathInterest.glob("/**/*requirements*.txt"),
                PathInterest.glob("/**/requirements/*.txt"), PathInterest.glob("/**/*constraints*.txt"),
                PathInterest.basename(POETRY_LOCK), PathInterest.basename(PIPFILE_LOCK),
                PathInterest.basename(UV_LOCK)).withMaxBytes(MAX_BYTES));
    }

    @Override
    public Session open(ScanContext context) {
        return new LockSession();
    }

    private static final class LockSession implements Session {
        private final ProblemLog problems = new ProblemLog(ID.value());
        private final List<Package> packages = new ArrayList<>();
        private final RequirementsSet requirements = new RequirementsSet();

        @Override
        public void accept(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            if (!meta.isRegular() || !file.hasContent() || INSTALLED_TREES.stream().anyMatch(meta.path()::contains)) {
                return;
            }
            String name = meta.basename();
            switch (name) {
                case POETRY_LOCK -> lockfile(file, PoetryLock.FORMAT);
                case PIPFILE_LOCK -> lockfile(file, PipfileLock.FORMAT);
                case UV_LOCK -> lockfile(file, UvLock.FORMAT);
                default -> {
                    if (RequirementsSet.isDeliveredName(meta.path())) {
                        requirements.add(meta, RequirementsFile.parse(text(file)));
                    }
                }
            }
        }

        private void lockfile(FileEntry file, String format) throws IOException {
            FileMeta meta = file.meta();
            String text = text(file);
            LockContents contents;
            try {
                contents = switch (format) {
                    case PoetryLock.FORMAT -> PoetryLock.read(text);
                    case PipfileLock.FORMAT -> PipfileLock.read(text);
                    default -> UvLock.read(text);
                };
            } catch (LockParseException e) {
                problems.add(ProblemKind.MALFORMED_FILE, meta, (e.line() > 0 ? "line " + e.line() + ": " : "")
                        + e.getMessage() + "; its packages are not read");
                return;
            }
            for (LockContents.Note note : contents.notes()) {
                problems.add(note.kind(), meta, (note.line() > 0 ? "line " + note.line() + ": " : "")
                        + note.message());
            }
            for (LockedPackage p : contents.packages()) {
                Location location = Location.of(meta.path(), meta.layer());
                packages.add(new Package(p.name(), p.version(), Ecosystem.PYPI, Optional.empty(), List.of(),
                        List.of(p.line() > 0 ? location.atLine(p.line()) : location), Optional.of(meta.layer()), ID,
                        new PackageMetadata.Declared(format, p.dev(), p.relation(), p.resolved(), p.checksum())));
            }
        }

        @Override
        public AnalyzerOutput finish() {
            List<Package> all = new ArrayList<>(packages);
            for (RequirementsSet.Found f : requirements.resolve(problems)) {
                List<Location> locations = new ArrayList<>();
                locations.add(Location.of(f.file().path(), f.file().layer()).atLine(f.line()));
                f.constraintFile().ifPresent(c -> locations.add(Location.of(c.path(), c.layer())
                        .atLine(f.constraintLine())));
                all.add(new Package(f.name(), f.version(), Ecosystem.PYPI, Optional.empty(), List.of(), locations,
                        Optional.of(f.file().layer()), ID, new PackageMetadata.Declared(RequirementsSet.FORMAT,
                        f.dev(), Relation.UNKNOWN, f.indexUrl(), f.hash())));
            }
            all.sort(Comparator.comparing(Package::name).thenComparing(Package::version)
                    .thenComparing(p -> p.locations().get(0).path())
                    .thenComparingInt(p -> p.locations().get(0).line().orElse(0)));
            return AnalyzerOutput.packages(all, problems.problems());
        }
    }

    /** The file as text: malformed UTF-8 replaced, a byte-order mark (Windows editors write one) dropped. */
    private static String text(FileEntry file) throws IOException {
        String text = UntrustedText.decode(file.readAllBytes());
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
