package dev.plimsoll.analyzer.lang.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.plimsoll.analyzer.lang.Texts;
import dev.plimsoll.core.analysis.UntrustedText;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * pnpm-lock.yaml, lockfileVersion 5.x (pnpm 7 and older), 6.x (pnpm 8) and 9.x (pnpm 9 and later).
 *
 * <ul>
 *   <li>5.x: "packages" keyed "/name/version" ("/@scope/name/version"), peer dependencies after "_"
 *       ("/ajv-keywords/3.5.2_ajv@6.12.6"); each entry has its dependencies and "dev: true|false" (absent: both).
 *   <li>6.x: keys "/name@version", peers in parentheses ("/ajv-keywords@3.5.2(ajv@6.12.6)"); otherwise as 5.x.
 *   <li>9.x: "packages" keyed "name@version" hold what was fetched, "snapshots" keyed with the peers hold the
 *       dependencies; no dev flag: dev is derived from the importers' devDependencies through the snapshots.
 * </ul>
 *
 * The importers (the project, "importers" for workspaces or the top-level dependencies of a single project in 5.x and
 * 6.x) give the roots; "link:" dependencies are workspace folders, "file:" or "directory" packages local ones, both
 * the project's own code. A file may hold several YAML documents: pnpm writes an "env" document (config
 * dependencies, the package manager itself) before the project's; every document's packages are real installs and
 * are read.
 */
final class PnpmLock {
    static final String FORMAT = "pnpm-lock.yaml";
    private static final int MAX_DOCUMENTS = 8;

    private enum Layout { V5, V6, V9 }

    private record Dependency(String name, String ref) {
    }

    private record Entry(String key, int line, List<Dependency> dependencies, Optional<String> integrity,
                         Optional<String> resolved, boolean directory, Optional<Boolean> dev,
                         Optional<String> name, Optional<String> version) {
    }

    private record ImporterDependency(String importer, Dependency dependency, LockGraph.Scope scope) {
    }

    /** One YAML document of the file. */
    private static final class Document {
        Optional<String> lockfileVersion = Optional.empty();
        final List<ImporterDependency> roots = new ArrayList<>();
        final Set<String> importers = new LinkedHashSet<>();
        final Map<String, Entry> packages = new LinkedHashMap<>();
        final Map<String, Entry> snapshots = new LinkedHashMap<>();
        boolean truncated;

        int entries() {
            return packages.size() + snapshots.size();
        }
    }

    private PnpmLock() {
    }

    static LockGraph read(InputStream in) throws IOException {
        List<Document> documents = new ArrayList<>();
        try (JsonParser p = Yaml.FACTORY.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    throw new LockfileException("not a YAML mapping", Yaml.line(p));
                }
                if (documents.size() == MAX_DOCUMENTS) {
                    throw new LockfileException("more than " + MAX_DOCUMENTS + " YAML documents", Yaml.line(p));
                }
                documents.add(document(p));
            }
        }
        if (documents.isEmpty()) {
            throw new LockfileException("no YAML document", 0);
        }
        LockGraph.Builder graph = new LockGraph.Builder(FORMAT);
        boolean recordsDev = true;
        for (int i = 0; i < documents.size(); i++) {
            Document doc = documents.get(i);
            Layout layout = layout(doc, graph);
            recordsDev &= layout != Layout.V9;
            build(doc, layout, documents.size() == 1 ? "" : i + ":", graph);
        }
        graph.recordsDev(recordsDev);
        return graph.build();
    }

    private static Document document(JsonParser p) throws IOException {
        Document doc = new Document();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "lockfileVersion" -> doc.lockfileVersion = Yaml.scalar(p).map(String::strip);
                case "importers" -> importers(p, doc);
                case "dependencies", "optionalDependencies" -> importer(p, ".", LockGraph.Scope.PROD, doc);
                case "devDependencies" -> importer(p, ".", LockGraph.Scope.DEV, doc);
                case "packages" -> entries(p, doc, doc.packages);
                case "snapshots" -> entries(p, doc, doc.snapshots);
                default -> p.skipChildren();
            }
        }
        return doc;
    }

    private static void importers(JsonParser p, Document doc) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String path = p.currentName();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            doc.importers.add(path);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    // Config dependencies and the package manager (the env document) are installed too.
                    case "dependencies", "optionalDependencies", "configDependencies",
                         "packageManagerDependencies" -> importer(p, path, LockGraph.Scope.PROD, doc);
                    case "devDependencies" -> importer(p, path, LockGraph.Scope.DEV, doc);
                    default -> p.skipChildren();
                }
            }
        }
    }

    /** "name: ref" (5.x) or "name: {specifier: …, version: ref}" (6.x and 9.x). */
    private static void importer(JsonParser p, String path, LockGraph.Scope scope, Document doc) throws IOException {
        doc.importers.add(path);
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            Optional<String> ref;
            if (value == JsonToken.START_OBJECT) {
                ref = Optional.empty();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("version")) {
                        ref = Yaml.scalar(p);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                ref = Yaml.scalar(p);
            }
            if (ref.isPresent() && doc.roots.size() < LockGraph.MAX_EDGES) {
                doc.roots.add(new ImporterDependency(path, new Dependency(name, ref.get().strip()), scope));
            }
        }
    }

    private static void entries(JsonParser p, Document doc, Map<String, Entry> into) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int line = Yaml.line(p);
            JsonToken value = p.nextToken();
            if (doc.entries() >= LockGraph.MAX_NODES) {
                doc.truncated = true;
                p.skipChildren();
            } else if (value == JsonToken.START_OBJECT) {
                into.putIfAbsent(key, entry(p, key, line));
            } else {
                p.skipChildren();
                into.putIfAbsent(key, new Entry(key, line, List.of(), Optional.empty(), Optional.empty(), false,
                        Optional.empty(), Optional.empty(), Optional.empty()));
            }
        }
    }

    private static Entry entry(JsonParser p, String key, int line) throws IOException {
        List<Dependency> dependencies = new ArrayList<>();
        Optional<String> integrity = Optional.empty();
        Optional<String> resolved = Optional.empty();
        boolean directory = false;
        Optional<Boolean> dev = Optional.empty();
        Optional<String> name = Optional.empty();
        Optional<String> version = Optional.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "resolution" -> {
                    Map<String, String> r = Yaml.scalars(p);
                    integrity = Optional.ofNullable(r.get("integrity")).map(String::strip).filter(s -> !s.isEmpty());
                    directory = r.containsKey("directory");
                    resolved = Optional.ofNullable(r.get("tarball"))
                            .or(() -> r.containsKey("repo") && r.containsKey("commit")
                                    ? Optional.of(r.get("repo") + "#" + r.get("commit")) : Optional.empty());
                }
                case "dependencies", "optionalDependencies" -> Yaml.scalars(p)
                        .forEach((n, ref) -> dependencies.add(new Dependency(n, ref.strip())));
                case "dev" -> {
                    dev = value == JsonToken.VALUE_TRUE ? Optional.of(true)
                            : value == JsonToken.VALUE_FALSE ? Optional.of(false) : Optional.empty();
                    p.skipChildren();
                }
                case "name" -> name = Yaml.scalar(p).map(String::strip).filter(Texts::isToken);
                case "version" -> version = Yaml.scalar(p).map(String::strip).filter(Texts::isToken);
                default -> p.skipChildren();
            }
        }
        return new Entry(key, line, dependencies, integrity, resolved, directory, dev, name, version);
    }

    private static Layout layout(Document doc, LockGraph.Builder graph) {
        String v = doc.lockfileVersion.orElse("");
        int dot = v.indexOf('.');
        int major;
        try {
            major = Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
        } catch (NumberFormatException e) {
            major = -1;
        }
        if (major != 5 && major != 6 && major != 9) {
            graph.unsupported("lockfileVersion " + (v.isEmpty() ? "missing" : UntrustedText.excerpt(v))
                    + ", not one of 5.x, 6.x, 9.x");
        }
        if (major >= 7 || !doc.snapshots.isEmpty()) {
            return Layout.V9;
        }
        return major == 6 ? Layout.V6 : major >= 0 && major <= 5 ? Layout.V5
                : doc.packages.keySet().stream().anyMatch(k -> k.startsWith("/") && k.indexOf('@', 2) > 0)
                ? Layout.V6 : Layout.V5;
    }

    private static void build(Document doc, Layout layout, String keyspace, LockGraph.Builder graph) {
        if (doc.truncated) {
            graph.truncate();
        }
        Map<Integer, List<Dependency>> dependencies = new LinkedHashMap<>();
        if (layout == Layout.V9) {
            Set<String> snapshotted = new HashSet<>();
            for (Entry snapshot : doc.snapshots.values()) {
                String packageKey = withoutPeers(snapshot.key());
                snapshotted.add(packageKey);
                Entry pkg = doc.packages.getOrDefault(packageKey, snapshot);
                int node = node(pkg, snapshot.key(), layout, graph);
                graph.key(keyspace + snapshot.key(), node);
                dependencies.put(node, snapshot.dependencies());
            }
            for (Entry pkg : doc.packages.values()) {
                if (!snapshotted.contains(pkg.key())) {
                    int node = node(pkg, pkg.key(), layout, graph);
                    graph.key(keyspace + pkg.key(), node);
                    dependencies.put(node, pkg.dependencies());
                }
            }
        } else {
            for (Entry pkg : doc.packages.values()) {
                int node = node(pkg, pkg.key(), layout, graph);
                graph.key(keyspace + pkg.key(), node);
                dependencies.put(node, pkg.dependencies());
            }
        }
        dependencies.forEach((node, deps) -> {
            if (node >= 0) {
                for (Dependency d : deps) {
                    if (!d.ref().startsWith("link:")) {
                        graph.dependency(node, candidates(layout, keyspace, d));
                    }
                }
            }
        });
        doc.importers.forEach(graph::importer);
        for (ImporterDependency root : doc.roots) {
            // "link:" names a workspace or a folder of the project: its own code, an importer of its own.
            if (!root.dependency().ref().startsWith("link:")) {
                graph.root(root.importer(), root.dependency().name(), candidates(layout, keyspace, root.dependency()),
                        root.scope());
            }
        }
    }

    /** The keys a dependency "name: ref" may name: the registry package's key, or the ref itself (aliases, URLs). */
    private static List<String> candidates(Layout layout, String keyspace, Dependency d) {
        String ref = d.ref();
        return switch (layout) {
            case V5 -> ref.startsWith("/") ? List.of(keyspace + ref)
                    : List.of(keyspace + "/" + d.name() + "/" + ref, keyspace + ref);
            case V6 -> ref.startsWith("/") ? List.of(keyspace + ref)
                    : List.of(keyspace + "/" + d.name() + "@" + ref, keyspace + ref);
            case V9 -> List.of(keyspace + d.name() + "@" + ref, keyspace + ref);
        };
    }

    /** The node of a package entry, -1 if it cannot name one (a fault then). */
    private static int node(Entry pkg, String key, Layout layout, LockGraph.Builder graph) {
        String bare = layout != Layout.V9 && key.startsWith("/") ? key.substring(1) : key;
        String[] parsed = layout == Layout.V5 ? splitV5(bare) : split(withoutPeers(bare));
        boolean local = pkg.directory() || LockGraph.isLocal(bare) || LockGraph.isLocal(parsed[1]);
        Optional<String> name = pkg.name().or(() -> Optional.of(parsed[0]).filter(Texts::isToken));
        // A registry key holds the version; a URL or git key does not, and pnpm then records the version itself.
        Optional<String> version = pkg.version().or(() -> Optional.of(parsed[1])
                .filter(v -> Texts.isToken(v) && v.indexOf(':') < 0 && v.indexOf('/') < 0));
        String what = "package \"" + UntrustedText.excerpt(key) + "\"";
        if (name.isEmpty()) {
            graph.fault(pkg.line(), what + " names no package");
            return -1;
        }
        if (version.isEmpty() && !local) {
            graph.fault(pkg.line(), what + " has no version");
            return -1;
        }
        return graph.node(new LockGraph.Node(local ? LockGraph.Kind.LOCAL : LockGraph.Kind.PACKAGE, name.get(),
                version.orElse(""), pkg.resolved(), pkg.integrity(), pkg.integrity(), pkg.dev(), pkg.line()));
    }

    /** "ajv-keywords@3.5.2(ajv@6.12.6)" to "ajv-keywords@3.5.2". */
    static String withoutPeers(String key) {
        int paren = key.indexOf('(');
        return paren > 0 ? key.substring(0, paren) : key;
    }

    /** "name@version" ("@scope/name@version") as {name, version}; {key, ""} when there is no version. */
    private static String[] split(String key) {
        int at = key.indexOf('@', 1);
        return at > 0 ? new String[] {key.substring(0, at), key.substring(at + 1)} : new String[] {key, ""};
    }

    /** 5.x: "name/version_peers" ("@scope/name/version_peers"); versions never hold "_". */
    private static String[] splitV5(String key) {
        int slash = key.indexOf('/', key.startsWith("@") ? key.indexOf('/') + 1 : 0);
        if (slash <= 0) {
            return new String[] {key, ""};
        }
        String rest = key.substring(slash + 1);
        int underscore = rest.indexOf('_');
        return new String[] {key.substring(0, slash), underscore >= 0 ? rest.substring(0, underscore) : rest};
    }
}
