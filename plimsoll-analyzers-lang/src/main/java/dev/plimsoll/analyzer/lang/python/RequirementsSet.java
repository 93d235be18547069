package dev.plimsoll.analyzer.lang.python;

import dev.plimsoll.core.analysis.ProblemLog;
import dev.plimsoll.core.analysis.UntrustedText;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.problem.ProblemKind;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The requirements files of one scan, resolved together once all have arrived, since {@code -r} and {@code -c}
 * name each other in any order.
 *
 * <p>Which files: those named {@code *requirements*.txt} (requirements.txt, requirements-dev.txt,
 * test-requirements.txt), any {@code .txt} in a folder named {@code requirements} (requirements/base.txt), and
 * {@code *constraints*.txt}. A file whose name says "constraints" is a constraints file: its pins install nothing
 * and only give a version to the unpinned requirements of the files that include it with {@code -c}. Every other
 * file is a requirements file: each of its pinned lines is a package, at its own file and line, whichever files
 * include it (so none is counted twice).
 *
 * <p>Includes are resolved relative to the including file (an absolute one from the root of the scanned tree),
 * among the files delivered: nothing outside the tree is ever named, and a path climbing above its root is refused.
 * Each requirements file is a starting point; from it includes are followed {@value #MAX_INCLUDE_DEPTH} deep at
 * most, through {@value #MAX_FILES_PER_START} files at most, each file once (cycles end there). An unpinned
 * requirement becomes a package when a constraints file reached from some starting point through it pins it (pip
 * applies the constraints of one install to all of its requirements); the package then has both locations.
 *
 * <p>What is not reported is said, once per file: unpinned requirements nothing pins (no exact version to match),
 * requirements not from a package index, includes that could not be followed. These are UNSUPPORTED problems: the
 * file is well formed, but what it asks for cannot be matched by version, so the scan is incomplete there.
 */
final class RequirementsSet {
    static final String FORMAT = "requirements.txt";
    static final int MAX_INCLUDE_DEPTH = 8;
    static final int MAX_FILES_PER_START = 256;

    /** Words in a file's name (or its requirements/ folder's file name) that mark development requirements. */
    private static final Set<String> DEV_WORDS = Set.of("dev", "devel", "develop", "development", "test", "tests",
            "testing", "lint", "docs", "doc");

    private record Parsed(FileMeta meta, RequirementsFile file) {
    }

    /** An include resolved to a delivered file. */
    private record Edge(boolean constraint, String target, int line) {
    }

    /**
     * A requirement that is a package: its file and line, and the constraints file and line that pinned it, if any.
     *
     * @param indexUrl the index its file names ({@code -i}), credentials removed
     */
    record Found(FileMeta file, int line, String name, String version, Optional<String> hash,
                 Optional<FileMeta> constraintFile, int constraintLine, boolean dev, Optional<String> indexUrl) {
    }

    private final Map<String, Parsed> byPath = new TreeMap<>();

    void add(FileMeta meta, RequirementsFile file) {
        byPath.put(meta.path(), new Parsed(meta, file));
    }

    /** Whether the analyzer's interests deliver a file at this path (a skipped folder aside). */
    static boolean isDeliveredName(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        return base.endsWith(".txt") && (base.contains("requirements") || base.contains("constraints")
                || parentName(path).equals("requirements"));
    }

    static boolean isConstraintsName(String path) {
        return path.substring(path.lastIndexOf('/') + 1).contains("constraints");
    }

    /** requirements-dev.txt, test-requirements.txt, requirements_tests.txt, requirements/dev.txt. */
    static boolean isDevName(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        base = base.endsWith(".txt") ? base.substring(0, base.length() - 4) : base;
        for (String word : base.split("[-_.]+")) {
            if (DEV_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The packages, every fault and note given to {@code problems}. */
    List<Found> resolve(ProblemLog problems) {
        Map<String, List<Edge>> edges = new HashMap<>();
        byPath.forEach((path, parsed) -> {
            parsed.file().faults().forEach(f -> problems.malformed(parsed.meta(), f.line(), f.message()));
            edges.put(path, edges(parsed, problems));
        });
        Map<String, Found> found = new LinkedHashMap<>();
        Set<String> pinnedByConstraint = new HashSet<>();
        Set<String> depthReported = new HashSet<>();
        for (String start : byPath.keySet()) {
            if (!isConstraintsName(start)) {
                followFrom(start, edges, problems, depthReported, found, pinnedByConstraint);
            }
        }
        byPath.forEach((path, parsed) -> {
            if (isConstraintsName(path)) {
                return;
            }
            for (RequirementsFile.Entry e : parsed.file().entries()) {
                if (e instanceof RequirementsFile.Pinned p) {
                    found.putIfAbsent(path + "\n" + p.line() + "\n" + p.version(), new Found(parsed.meta(), p.line(),
                            p.name(), p.version(), p.hash(), Optional.empty(), 0, isDevName(path),
                            parsed.file().indexUrl()));
                }
            }
            notReported(parsed, pinnedByConstraint, problems);
        });
        return List.copyOf(found.values());
    }

    /** Each include of a file resolved to a delivered file; a problem for each that cannot be. */
    private List<Edge> edges(Parsed parsed, ProblemLog problems) {
        List<Edge> out = new ArrayList<>();
        String path = parsed.meta().path();
        for (RequirementsFile.Entry e : parsed.file().entries()) {
            if (!(e instanceof RequirementsFile.Include inc)) {
                continue;
            }
            String what = "line " + inc.line() + ": " + (inc.constraint() ? "-c " : "-r ")
                    + UntrustedText.excerpt(PythonNames.withoutCredentials(inc.target())) + ": ";
            if (PythonNames.isUrl(inc.target())) {
                problems.add(ProblemKind.UNSUPPORTED, parsed.meta(), what + "included files are not fetched; "
                        + "what it lists is missing");
                continue;
            }
            String target = resolve(path, inc.target());
            if (target == null) {
                problems.add(ProblemKind.INCONSISTENT, parsed.meta(), what + "refers outside the scanned tree; "
                        + "not followed");
            } else if (byPath.containsKey(target)) {
                out.add(new Edge(inc.constraint(), target, inc.line()));
            } else if (isDeliveredName(target)) {
                problems.add(ProblemKind.INCONSISTENT, parsed.meta(), what + UntrustedText.excerpt(target)
                        + " is not in the scanned tree (or was too large to read); what it lists is missing");
            } else {
                problems.add(ProblemKind.UNSUPPORTED, parsed.meta(), what + UntrustedText.excerpt(target)
                        + " is not read: only files named *requirements*.txt, *constraints*.txt or "
                        + "requirements/*.txt are; what it lists is missing");
            }
        }
        return out;
    }

    /** A file reached from a starting point, as a requirements or a constraints file, and how deep. */
    private record Visit(String path, boolean constraint, int depth) {
    }

    /**
     * Follows the includes from one requirements file: the constraints it reaches pin the unpinned requirements it
     * reaches.
     */
    private void followFrom(String start, Map<String, List<Edge>> edges, ProblemLog problems,
                            Set<String> depthReported, Map<String, Found> found, Set<String> pinnedByConstraint) {
        List<Visit> order = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // Breadth first, so that a file is reached at its least depth and constraints listed first win.
        Deque<Visit> queue = new ArrayDeque<>();
        queue.add(new Visit(start, false, 0));
        while (!queue.isEmpty()) {
            Visit v = queue.poll();
            if (!seen.add((v.constraint() ? "c " : "r ") + v.path())) {
                continue;
            }
            if (order.size() == MAX_FILES_PER_START) {
                problems.add(ProblemKind.LIMIT_EXCEEDED, byPath.get(start).meta(), "includes reach more than "
                        + MAX_FILES_PER_START + " files; the rest are not followed from here");
                break;
            }
            order.add(v);
            for (Edge e : edges.getOrDefault(v.path(), List.of())) {
                if (v.depth() == MAX_INCLUDE_DEPTH) {
                    if (depthReported.add(v.path() + "\n" + e.line())) {
                        problems.add(ProblemKind.LIMIT_EXCEEDED, byPath.get(v.path()).meta(), "line " + e.line()
                                + ": includes nested more than " + MAX_INCLUDE_DEPTH + " deep are not followed");
                    }
                    continue;
                }
                queue.add(new Visit(e.target(), v.constraint() || e.constraint(), v.depth() + 1));
            }
        }
        Map<String, RequirementsFile.Pinned> constraints = new HashMap<>();
        Map<String, String> constraintPaths = new HashMap<>();
        for (Visit v : order) {
            if (v.constraint()) {
                for (RequirementsFile.Entry e : byPath.get(v.path()).file().entries()) {
                    if (e instanceof RequirementsFile.Pinned p
                            && constraints.putIfAbsent(PythonNames.normalize(p.name()), p) == null) {
                        constraintPaths.put(PythonNames.normalize(p.name()), v.path());
                    }
                }
            }
        }
        for (Visit v : order) {
            if (v.constraint() || isConstraintsName(v.path())) {
                continue;
            }
            Parsed parsed = byPath.get(v.path());
            for (RequirementsFile.Entry e : parsed.file().entries()) {
                if (e instanceof RequirementsFile.Unpinned u) {
                    String key = PythonNames.normalize(u.name());
                    RequirementsFile.Pinned pin = constraints.get(key);
                    if (pin != null) {
                        pinnedByConstraint.add(v.path() + "\n" + u.line());
                        found.putIfAbsent(v.path() + "\n" + u.line() + "\n" + pin.version(), new Found(parsed.meta(),
                                u.line(), u.name(), pin.version(), pin.hash(),
                                Optional.of(byPath.get(constraintPaths.get(key)).meta()), pin.line(),
                                isDevName(v.path()), parsed.file().indexUrl()));
                    }
                }
            }
        }
    }

    /** One problem for the unpinned requirements nothing pins, one for those not from an index. */
    private static void notReported(Parsed parsed, Set<String> pinnedByConstraint, ProblemLog problems) {
        List<String> unpinned = new ArrayList<>();
        List<String> notFromIndex = new ArrayList<>();
        String path = parsed.meta().path();
        for (RequirementsFile.Entry e : parsed.file().entries()) {
            if (e instanceof RequirementsFile.Unpinned u && !pinnedByConstraint.contains(path + "\n" + u.line())) {
                unpinned.add(UntrustedText.excerpt(u.name() + u.specifier()) + " (line " + u.line() + ")");
            } else if (e instanceof RequirementsFile.NotFromIndex n) {
                notFromIndex.add(UntrustedText.excerpt(n.what()) + " (line " + n.line() + ")");
            }
        }
        if (!unpinned.isEmpty()) {
            problems.add(ProblemKind.UNSUPPORTED, parsed.meta(), "unpinned: no exact version to match, so "
                    + PythonNames.count(unpinned.size(), "requirement") + " not reported: "
                    + PythonNames.listing(unpinned));
        }
        if (!notFromIndex.isEmpty()) {
            problems.add(ProblemKind.UNSUPPORTED, parsed.meta(), "not from a package index (editable, URL or "
                    + "local path) and without a version to match, so " + PythonNames.count(notFromIndex.size(),
                    "requirement") + " not reported: " + PythonNames.listing(notFromIndex));
        }
    }

    /**
     * The absolute path an include names, relative to the including file's folder (an absolute one from the
     * tree's root), or null when it climbs above the root.
     */
    static String resolve(String includingFile, String target) {
        Deque<String> segments = new ArrayDeque<>();
        if (!target.startsWith("/")) {
            String dir = includingFile.substring(0, includingFile.lastIndexOf('/'));
            for (String s : dir.split("/")) {
                if (!s.isEmpty()) {
                    segments.addLast(s);
                }
            }
        }
        for (String s : target.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
            } else {
                segments.addLast(s);
            }
        }
        return "/" + String.join("/", segments);
    }

    private static String parentName(String path) {
        int slash = path.lastIndexOf('/');
        if (slash <= 0) {
            return "";
        }
        String dir = path.substring(0, slash);
        return dir.substring(dir.lastIndexOf('/') + 1);
    }
}
