package dev.plimsoll.analyzer.lang.npm;

import dev.plimsoll.core.inventory.PackageMetadata.Declared.Relation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a yarn.lock or pnpm-lock.yaml records: its entries (nodes), the dependency edges between them, and the
 * dependencies the project and its workspaces declare themselves (importers). Whether a package is needed only for
 * development is derived from these as Trivy does: what is reachable from a production dependency is not dev, what
 * is reachable only from dev dependencies is; lockfiles that record it themselves (pnpm 5 and 6) are believed.
 */
final class LockGraph {
    /** Bounds against hostile files; real lockfiles of large monorepos hold some ten thousand packages. */
    static final int MAX_NODES = 1 << 19;
    static final int MAX_EDGES = 1 << 22;

    /** What an entry is to the project. */
    enum Kind {
        /** A package fetched from a registry, a git repository or a URL: a dependency. */
        PACKAGE,
        /** A folder or tarball of the project itself ("link:", "portal:", "file:"): not reported, walked through. */
        LOCAL,
        /** A workspace of the project (Yarn Berry's "workspace:"): not reported, its dependencies are roots. */
        WORKSPACE
    }

    /** How the declaring manifest asks for a root dependency. */
    enum Scope {
        PROD, DEV,
        /** The lockfile does not say (Yarn Berry's workspace entries): the workspace's package.json decides. */
        UNDECIDED
    }

    /**
     * One entry.
     *
     * @param integrity a Subresource Integrity hash ("sha512-…"), when the entry records one
     * @param checksum  the entry's checksum as written (the integrity again, or Yarn Berry's "10c0/…")
     * @param devFlag   the entry's own dev flag (pnpm 5 and 6), else empty
     */
    record Node(Kind kind, String name, String version, Optional<String> resolved, Optional<String> integrity,
                Optional<String> checksum, Optional<Boolean> devFlag, int line) {
    }

    /** A dependency declared by a manifest: the project's or a workspace's. */
    record Root(String name, int node, Scope scope) {
    }

    /** @param path the manifest's folder relative to the lockfile's, "." for the project itself */
    record Importer(String path, List<Root> roots) {
    }

    record Fault(int line, String message) {
    }

    /** A package as the lockfile describes it, once per name and version. */
    record Locked(String name, String version, boolean dev, Relation relation, Optional<String> resolved,
                  Optional<String> integrity, Optional<String> checksum, int line) {
    }

    private final String format;
    private final List<Node> nodes;
    private final int[][] edges;
    private final Map<String, Integer> keys;
    private final List<Importer> importers;
    private final List<Fault> faults;
    private final List<String> notes;
    private final boolean recordsDev;
    private final boolean truncated;

    private LockGraph(String format, List<Node> nodes, int[][] edges, Map<String, Integer> keys,
                      List<Importer> importers, List<Fault> faults, List<String> notes, boolean recordsDev,
                      boolean truncated) {
        this.format = format;
        this.nodes = nodes;
        this.edges = edges;
        this.keys = keys;
        this.importers = importers;
        this.faults = faults;
        this.notes = notes;
        this.recordsDev = recordsDev;
        this.truncated = truncated;
    }

    /**
     * Whether a reference ("link:../lib", "portal:./x", "file:./lib") names a folder of the project itself. A
     * "file:" tarball is a package like any other: usually a vendored copy of a published one.
     */
    static boolean isLocal(String reference) {
        if (reference.startsWith("link:") || reference.startsWith("portal:")) {
            return true;
        }
        if (!reference.startsWith("file:")) {
            return false;
        }
        String path = reference;
        for (String end : new String[] {"::", "#"}) {
            int at = path.indexOf(end);
            path = at >= 0 ? path.substring(0, at) : path;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        return !(lower.endsWith(".tgz") || lower.endsWith(".tar.gz") || lower.endsWith(".tar"));
    }

    /** "yarn.lock" or "pnpm-lock.yaml". */
    String format() {
        return format;
    }

    List<Node> nodes() {
        return nodes;
    }

    List<Importer> importers() {
        return importers;
    }

    /** Entries that could not be read; the others were. */
    List<Fault> faults() {
        return faults;
    }

    /** Format versions this reader does not know, read as the nearest known layout. */
    List<String> unsupported() {
        return notes;
    }

    /** Whether the bounds were reached and the rest of the file was not read. */
    boolean truncated() {
        return truncated;
    }

    /** The entry a key of the file names (a yarn descriptor "lodash@^4.17.15", a pnpm key "/lodash@4.17.15"). */
    Optional<Integer> node(String key) {
        return Optional.ofNullable(keys.get(key));
    }

    /** Names of the project's own packages: workspaces and local folders, which node_modules links to. */
    Set<String> ownNames() {
        Set<String> names = new HashSet<>();
        nodes.forEach(n -> {
            if (n.kind() != Kind.PACKAGE) {
                names.add(n.name());
            }
        });
        return names;
    }

    /**
     * The packages, each name and version once, classified.
     *
     * @param extra  importers the lockfile does not record (yarn v1 records none: they come from package.json)
     * @param decide the scope of an {@link Scope#UNDECIDED} root, from the manifest at the importer's path; a root
     *               it cannot decide is PROD, so that a package is dev only when a manifest says so
     */
    List<Locked> packages(List<Importer> extra, BiFunction<String, String, Scope> decide) {
        List<Importer> all = new ArrayList<>(importers);
        all.addAll(extra);
        BitSet direct = new BitSet(nodes.size());
        Deque<Integer> prodStart = new ArrayDeque<>();
        Deque<Integer> devStart = new ArrayDeque<>();
        for (Importer importer : all) {
            for (Root root : importer.roots()) {
                Scope scope = root.scope() == Scope.UNDECIDED ? decide.apply(importer.path(), root.name())
                        : root.scope();
                if (nodes.get(root.node()).kind() == Kind.WORKSPACE) {
                    continue; // a workspace is an importer of its own
                }
                direct.set(root.node());
                (scope == Scope.DEV ? devStart : prodStart).add(root.node());
            }
        }
        BitSet prod = reach(prodStart);
        BitSet dev = reach(devStart);
        boolean known = !all.isEmpty();

        Map<String, List<Integer>> byPackage = new LinkedHashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).kind() == Kind.PACKAGE) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingInt(i -> nodes.get(i).line()));
        for (int i : order) {
            Node n = nodes.get(i);
            byPackage.computeIfAbsent(n.name() + "@" + n.version(), k -> new ArrayList<>()).add(i);
        }
        List<Locked> out = new ArrayList<>();
        for (List<Integer> group : byPackage.values()) {
            List<Integer> reached = group.stream().filter(i -> prod.get(i) || dev.get(i)).toList();
            List<Integer> considered = recordsDev || reached.isEmpty() ? group : reached;
            boolean isDev = considered.stream().allMatch(i -> recordsDev
                    ? nodes.get(i).devFlag().orElse(false) : dev.get(i) && !prod.get(i));
            Relation relation = !known ? Relation.UNKNOWN
                    : group.stream().anyMatch(direct::get) ? Relation.DIRECT
                    : reached.isEmpty() ? Relation.UNKNOWN : Relation.TRANSITIVE;
            Node first = nodes.get(group.get(0));
            out.add(new Locked(first.name(), first.version(), isDev, relation,
                    firstPresent(group, Node::resolved), firstPresent(group, Node::integrity),
                    firstPresent(group, Node::checksum), first.line()));
        }
        return out;
    }

    private Optional<String> firstPresent(List<Integer> group, Function<Node, Optional<String>> f) {
        for (int i : group) {
            Optional<String> v = f.apply(nodes.get(i));
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** Every node reachable from the start nodes, workspaces not entered (each is an importer of its own). */
    private BitSet reach(Deque<Integer> start) {
        BitSet seen = new BitSet(nodes.size());
        Deque<Integer> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            int n = todo.pop();
            if (seen.get(n) || nodes.get(n).kind() == Kind.WORKSPACE) {
                continue;
            }
            seen.set(n);
            for (int next : edges[n]) {
                if (!seen.get(next)) {
                    todo.push(next);
                }
            }
        }
        return seen;
    }

    /** Collects a lockfile's entries; edges and roots name keys, resolved once every entry is known. */
    static final class Builder {
        private record PendingEdge(int from, List<String> candidates) {
        }

        private record PendingRoot(String name, List<String> candidates, Scope scope) {
        }

        private record PendingImporter(String path, List<PendingRoot> roots) {
        }

        private final String format;
        private final List<Node> nodes = new ArrayList<>();
        private final Map<String, Integer> keys = new HashMap<>();
        private final List<PendingEdge> edges = new ArrayList<>();
        private final Map<String, PendingImporter> importers = new LinkedHashMap<>();
        private final List<Fault> faults = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private boolean recordsDev;
        private boolean truncated;
        private int rootCount;

        Builder(String format) {
            this.format = format;
        }

        /** Whether a bound was reached: the reader stops and the analyzer says the rest was not read. */
        boolean full() {
            return truncated || nodes.size() >= MAX_NODES || edges.size() + rootCount >= MAX_EDGES;
        }

        /** The reader left entries out to stay within the bounds. */
        void truncate() {
            truncated = true;
        }

        int node(Node node) {
            if (nodes.size() >= MAX_NODES) {
                truncated = true;
                return -1;
            }
            nodes.add(node);
            return nodes.size() - 1;
        }

        /** A key naming the node; the first node a key names keeps it. */
        void key(String key, int node) {
            if (node >= 0) {
                keys.putIfAbsent(key, node);
            }
        }

        Optional<Integer> nodeOf(String key) {
            return Optional.ofNullable(keys.get(key));
        }

        /** An edge to whichever of the candidate keys names an entry first; none: the edge is dropped. */
        void dependency(int from, List<String> candidates) {
            if (from < 0) {
                return;
            }
            if (edges.size() + rootCount >= MAX_EDGES) {
                truncated = true;
                return;
            }
            edges.add(new PendingEdge(from, List.copyOf(candidates)));
        }

        /** A dependency the manifest at {@code importerPath} declares, naming the entry by candidate keys. */
        void root(String importerPath, String name, List<String> candidates, Scope scope) {
            PendingImporter importer = importers.computeIfAbsent(importerPath,
                    p -> new PendingImporter(p, new ArrayList<>()));
            if (edges.size() + rootCount >= MAX_EDGES) {
                truncated = true;
                return;
            }
            importer.roots().add(new PendingRoot(name, List.copyOf(candidates), scope));
            rootCount++;
        }

        /** An importer without dependencies still tells that the project's manifest was recorded. */
        void importer(String importerPath) {
            importers.computeIfAbsent(importerPath, p -> new PendingImporter(p, new ArrayList<>()));
        }

        void fault(int line, String message) {
            faults.add(new Fault(line, message));
        }

        int faultCount() {
            return faults.size();
        }

        /** A format version not known to this reader: the file is read as the nearest known layout. */
        void unsupported(String note) {
            notes.add(note);
        }

        /** The file records dev itself (pnpm 5 and 6); else dev is derived from the importers. */
        void recordsDev(boolean records) {
            this.recordsDev = records;
        }

        LockGraph build() {
            List<List<Integer>> adjacency = new ArrayList<>(nodes.size());
            for (int i = 0; i < nodes.size(); i++) {
                adjacency.add(new ArrayList<>(0));
            }
            for (PendingEdge e : edges) {
                resolve(e.candidates()).ifPresent(to -> adjacency.get(e.from()).add(to));
            }
            int[][] edgeArray = new int[nodes.size()][];
            for (int i = 0; i < nodes.size(); i++) {
                edgeArray[i] = adjacency.get(i).stream().mapToInt(Integer::intValue).toArray();
            }
            List<Importer> resolved = new ArrayList<>();
            for (PendingImporter pi : importers.values()) {
                List<Root> roots = new ArrayList<>();
                for (PendingRoot r : pi.roots()) {
                    resolve(r.candidates()).ifPresent(n -> roots.add(new Root(r.name(), n, r.scope())));
                }
                resolved.add(new Importer(pi.path(), List.copyOf(roots)));
            }
            return new LockGraph(format, List.copyOf(nodes), edgeArray, Map.copyOf(keys), List.copyOf(resolved),
                    List.copyOf(faults), List.copyOf(notes), recordsDev, truncated);
        }

        private Optional<Integer> resolve(List<String> candidates) {
            for (String c : candidates) {
                Integer n = keys.get(c);
                if (n != null) {
                    return Optional.of(n);
                }
            }
            return Optional.empty();
        }
    }
}
