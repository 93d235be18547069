package dev.plimsoll.analyzer.lang.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.analysis.UntrustedText;
import dev.plimsoll.core.inventory.PackageMetadata.Declared.Relation;
import dev.plimsoll.core.problem.ProblemKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * uv.lock (lockfile version 1, any revision): every package of the resolution, one [[package]] each, with its
 * {@code source} and its dependencies by name (and by version and source where a name is locked twice).
 *
 * <p>The project's own packages, with an {@code editable} or {@code virtual} source (the project, the members of a
 * workspace), are the roots and are not reported; neither are {@code directory} sources (path dependencies: source
 * trees of the project's). From the roots: a package a root's {@code dependencies}, {@code optional-dependencies} or
 * {@code dev-dependencies} name is DIRECT, any other TRANSITIVE; a package reached through the dependencies and
 * optional dependencies (extras) of the roots and of what they reach is not dev, one reached only from a root's
 * dev-dependencies groups is dev. A file without roots says neither (UNKNOWN, not dev). Resolved: the sdist's URL,
 * else the first wheel's, else the registry; "git+" and the git URL with its commit; a url or path source's archive.
 */
final class UvLock {
    static final String FORMAT = "uv.lock";

    private UvLock() {
    }

    /**
     * One [[package]] table: its name, version, kind of source ("registry", "git", "editable", ...) and line. Equal
     * only to itself, as two tables may lock the same name and version from different sources.
     */
    private static final class Node {
        private final String name;
        private final Optional<String> version;
        private final String sourceKind;
        private final JsonNode table;
        private final int line;

        Node(String name, Optional<String> version, String sourceKind, JsonNode table, int line) {
            this.name = name;
            this.version = version;
            this.sourceKind = sourceKind;
            this.table = table;
            this.line = line;
        }

        String name() {
            return name;
        }

        Optional<String> version() {
            return version;
        }

        String sourceKind() {
            return sourceKind;
        }

        JsonNode table() {
            return table;
        }

        int line() {
            return line;
        }

        boolean isRoot() {
            return sourceKind.equals("editable") || sourceKind.equals("virtual");
        }

        boolean isLocal() {
            return isRoot() || sourceKind.equals("directory");
        }
    }

    static LockContents read(String text) throws LockParseException {
        JsonNode root = Toml.read(text);
        List<LockContents.Note> notes = new ArrayList<>();
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || version.asLong() != 1) {
            notes.add(new LockContents.Note(ProblemKind.UNSUPPORTED, 0, (version == null ? "no lockfile version"
                    : "lockfile version " + UntrustedText.excerpt(version.asText()) + " is not 1")
                    + ": read as version 1, may be incomplete"));
        }
        JsonNode packages = root.get("package");
        if (packages != null && !packages.isArray()) {
            throw new LockParseException("\"package\" is not an array of tables", 0);
        }
        List<Integer> lines = Toml.headerLines(text, "package");
        List<Node> nodes = new ArrayList<>();
        Map<String, List<Node>> byName = new HashMap<>();
        int index = 0;
        for (JsonNode p : Toml.array(root, "package")) {
            int line = packages.size() == lines.size() ? lines.get(index) : 0;
            index++;
            Optional<String> name = Toml.string(p, "name").filter(PythonNames::isName);
            JsonNode source = Toml.table(p, "source").orElse(null);
            String kind = source == null || source.isEmpty() ? "" : source.fieldNames().next();
            Optional<String> packageVersion = Toml.string(p, "version");
            Node node = new Node(name.orElse(""), packageVersion, kind, p, line);
            boolean local = node.isLocal();
            // The project's own packages may have a dynamic version, which uv leaves out.
            if (name.isEmpty() || (!local && !packageVersion.filter(PythonNames::isVersion).isPresent())) {
                notes.add(new LockContents.Note(ProblemKind.MALFORMED_FILE, line, "package " + index
                        + " has no valid name and version (" + UntrustedText.excerpt(Toml.string(p, "name")
                        .orElse("?")) + " " + UntrustedText.excerpt(packageVersion.orElse("?"))
                        + "); it is not reported"));
                continue;
            }
            nodes.add(node);
            byName.computeIfAbsent(PythonNames.normalize(node.name()), k -> new ArrayList<>()).add(node);
        }
        Graph graph = new Graph(byName);
        List<Node> roots = nodes.stream().filter(Node::isRoot).toList();
        Set<Node> direct = new HashSet<>();
        List<Node> prodStart = new ArrayList<>();
        List<Node> devStart = new ArrayList<>();
        for (Node r : roots) {
            List<Node> prod = graph.targets(r.table());
            List<Node> dev = new ArrayList<>();
            Toml.table(r.table(), "dev-dependencies").ifPresent(groups -> groups.properties()
                    .forEach(g -> dev.addAll(graph.references(g.getValue()))));
            direct.addAll(prod);
            direct.addAll(dev);
            prodStart.addAll(prod);
            devStart.addAll(dev);
        }
        Set<Node> prodReached = graph.reach(prodStart);
        Set<Node> devReached = graph.reach(devStart);
        List<LockedPackage> out = new ArrayList<>();
        for (Node n : nodes) {
            if (n.isLocal()) {
                continue;
            }
            Relation relation = roots.isEmpty() ? Relation.UNKNOWN
                    : direct.contains(n) ? Relation.DIRECT : Relation.TRANSITIVE;
            boolean dev = !roots.isEmpty() && !prodReached.contains(n) && devReached.contains(n);
            out.add(new LockedPackage(n.name(), n.version().orElseThrow(), dev, relation, resolved(n),
                    checksum(n.table()), n.line()));
        }
        return new LockContents(out, notes);
    }

    /** Dependency references resolved to the locked packages they name. */
    private record Graph(Map<String, List<Node>> byName) {
        /** What a package's dependencies and optional dependencies (of every extra) name. */
        List<Node> targets(JsonNode table) {
            List<Node> out = new ArrayList<>(references(table.get("dependencies")));
            Toml.table(table, "optional-dependencies").ifPresent(extras -> extras.properties()
                    .forEach(e -> out.addAll(references(e.getValue()))));
            return out;
        }

        /** An array of {name, version?, source?} references: the version narrows a name locked more than once. */
        List<Node> references(JsonNode array) {
            if (array == null || !array.isArray()) {
                return List.of();
            }
            List<Node> out = new ArrayList<>();
            for (JsonNode ref : array) {
                Optional<String> name = Toml.string(ref, "name");
                if (name.isEmpty()) {
                    continue;
                }
                Optional<String> version = Toml.string(ref, "version");
                for (Node candidate : byName.getOrDefault(PythonNames.normalize(name.get()), List.of())) {
                    if (version.isEmpty() || candidate.version().equals(version)) {
                        out.add(candidate);
                    }
                }
            }
            return out;
        }

        /** Everything reachable from {@code start} through dependencies and optional dependencies. */
        Set<Node> reach(List<Node> start) {
            Set<Node> seen = new HashSet<>(start);
            Deque<Node> queue = new ArrayDeque<>(start);
            while (!queue.isEmpty()) {
                for (Node next : targets(queue.poll().table())) {
                    if (seen.add(next)) {
                        queue.add(next);
                    }
                }
            }
            return seen;
        }
    }

    private static Optional<String> resolved(Node n) {
        JsonNode source = n.table().get("source");
        Optional<String> value = Toml.string(source, n.sourceKind()).map(PythonNames::withoutCredentials);
        return switch (n.sourceKind()) {
            case "registry" -> Toml.table(n.table(), "sdist").flatMap(s -> Toml.string(s, "url"))
                    .or(() -> Toml.array(n.table(), "wheels").stream().map(w -> Toml.string(w, "url"))
                            .flatMap(Optional::stream).findFirst())
                    .map(PythonNames::withoutCredentials).or(() -> value);
            case "git" -> value.map(v -> v.startsWith("git+") ? v : "git+" + v);
            default -> value;
        };
    }

    /** The sdist's hash, else the first wheel's. */
    private static Optional<String> checksum(JsonNode table) {
        Optional<String> sdist = Toml.table(table, "sdist").flatMap(s -> Toml.string(s, "hash"));
        if (sdist.isPresent()) {
            return sdist;
        }
        return Toml.array(table, "wheels").stream().map(w -> Toml.string(w, "hash")).flatMap(Optional::stream)
                .findFirst();
    }
}
