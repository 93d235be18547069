package dev.plimsoll.analyzer.os;

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
 * The problems one analyzer session met, grouped by file copy and listed by path, then layer, so that the output
 * does not depend on the order files arrived in. At most {@link #PER_FILE} are kept per copy: a garbage file would
 * otherwise yield one problem per paragraph and drown the report, while the first few already say what is wrong.
 */
public final class ProblemLog {
    public static final int PER_FILE = 10;

    private record FileKey(String path, int layer) {
    }

    private static final class FileProblems {
        final FileMeta file;
        final List<ScanProblem> kept = new ArrayList<>();
        int dropped;

        FileProblems(FileMeta file) {
            this.file = file;
        }
    }

    private final String component;
    private final Map<FileKey, FileProblems> byFile = new TreeMap<>(
            Comparator.comparing(FileKey::path).thenComparingInt(FileKey::layer));

    public ProblemLog(String component) {
        this.component = component;
    }

    public void add(ProblemKind kind, FileMeta file, String message) {
        FileProblems problems = byFile.computeIfAbsent(new FileKey(file.path(), file.layer().index()),
                k -> new FileProblems(file));
        if (problems.kept.size() < PER_FILE) {
            problems.kept.add(problem(kind, file, message));
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
        for (FileProblems problems : byFile.values()) {
            all.addAll(problems.kept);
            if (problems.dropped > 0) {
                all.add(problem(ProblemKind.MALFORMED_FILE, problems.file,
                        problems.dropped + " further problems in this file not listed"));
            }
        }
        return all;
    }

    private ScanProblem problem(ProblemKind kind, FileMeta file, String message) {
        return new ScanProblem(kind, component, Optional.of(file.layer().id()), Optional.of(file.path()), message);
    }
}
