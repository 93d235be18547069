package dev.plimsoll.core.analysis;

import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The problems one analyzer session met, listed by path (a path inside an archive, "/app/a.jar!/lib/b.jar",
 * included), then layer, so that the output does not depend on the order files arrived in. At most
 * {@link #PER_PATH} are kept per path and layer: a garbage file would otherwise yield one problem per record and drown
 * the report, while the first few already say what is wrong.
 */
public final class ProblemLog {
    public static final int PER_PATH = 10;

    private record Key(String path, int layer) {
    }

    private static final class PathProblems {
        final String layer;
        final List<ScanProblem> kept = new ArrayList<>();
        int dropped;

        PathProblems(String layer) {
            this.layer = layer;
        }
    }

    private final String component;
    private final Map<Key, PathProblems> byPath = new TreeMap<>(
            Comparator.comparing(Key::path).thenComparingInt(Key::layer));

    /** @param component who reports the problems: the analyzer's id ("os/dpkg") */
    public ProblemLog(String component) {
        this.component = component;
    }

    public void add(ProblemKind kind, FileMeta file, String message) {
        add(kind, file, file.path(), message);
    }

    /** A problem with something inside {@code file}, named by {@code path} (e.g. "/app/a.jar!/lib/b.jar"). */
    public void add(ProblemKind kind, FileMeta file, String path, String message) {
        PathProblems problems = byPath.computeIfAbsent(new Key(path, file.layer().index()),
                k -> new PathProblems(file.layer().id()));
        if (problems.kept.size() < PER_PATH) {
            problems.kept.add(new ScanProblem(kind, component, Optional.of(problems.layer), Optional.of(path),
                    message));
        } else {
            problems.dropped++;
        }
    }

    /** A fault of a line-based format, the line being 1-based. */
    public void malformed(FileMeta file, int line, String message) {
        add(ProblemKind.MALFORMED_FILE, file, "line " + line + ": " + message);
    }

    public List<ScanProblem> problems() {
        List<ScanProblem> all = new ArrayList<>();
        byPath.forEach((key, problems) -> {
            all.addAll(problems.kept);
            if (problems.dropped > 0) {
                all.add(new ScanProblem(ProblemKind.MALFORMED_FILE, component, Optional.of(problems.layer),
                        Optional.of(key.path()), problems.dropped + " further problems in this file not listed"));
            }
        });
        return all;
    }
}
