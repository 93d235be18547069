package dev.plimsoll.analyzer.lang.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.plimsoll.analyzer.lang.Texts;
import dev.plimsoll.core.analysis.UntrustedText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Yarn Berry's yarn.lock (Yarn 2 and later): YAML whose {@code __metadata} gives the format version, then one
 * mapping per resolved package, keyed by the descriptors that resolved to it:
 *
 * <pre>
 * "lodash-old@npm:lodash@4.17.11":
 *   version: 4.17.11
 *   resolution: "lodash@npm:4.17.11"
 *   dependencies:
 *     ms: "npm:2.0.0"
 *   checksum: 10c0/38d451…
 *   linkType: hard
 * </pre>
 *
 * The resolution (a locator) names the real package, aliases included. "workspace:" entries are the project's
 * workspaces: their dependencies are the importers' (dev and production mixed: package.json tells them apart);
 * "link:", "portal:" and folder "file:" entries are the project's own folders. A "patch:" entry is the package it
 * patches, at the version it records: Berry keeps the unpatched entry too, and the two are one package, dev or not
 * by whichever of them the importers reach (see {@link LockGraph#packages}).
 */
final class YarnBerryLock {
    /** __metadata versions written by Yarn 2.0 (4) up to Yarn 4.x (10), all of the same layout. */
    static final int MIN_VERSION = 4;
    static final int MAX_VERSION = 10;

    private YarnBerryLock() {
    }

    static LockGraph read(InputStream in) throws IOException {
        LockGraph.Builder graph = new LockGraph.Builder(YarnLock.FORMAT);
        Optional<String> version = Optional.empty();
        boolean metadata = false;
        try (JsonParser p = Yaml.FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new LockfileException("not a YAML mapping", p.currentTokenLocation().getLineNr());
            }
            while (p.nextToken() == JsonToken.FIELD_NAME && !graph.full()) {
                String key = p.currentName();
                int line = Yaml.line(p);
                JsonToken value = p.nextToken();
                if (key.equals("__metadata")) {
                    metadata = true;
                    version = Yaml.scalars(p).entrySet().stream().filter(e -> e.getKey().equals("version"))
                            .map(Map.Entry::getValue).findFirst();
                } else if (value != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    graph.fault(line, "entry \"" + UntrustedText.excerpt(key) + "\" is not a mapping");
                } else {
                    entry(p, key, line, graph);
                }
            }
            if (!graph.full() && p.nextToken() != null) {
                throw new LockfileException("more than one YAML document", Yaml.line(p));
            }
        }
        checkVersion(graph, metadata, version);
        return graph.build();
    }

    private static void checkVersion(LockGraph.Builder graph, boolean metadata, Optional<String> version) {
        int v;
        try {
            v = version.map(String::strip).map(Integer::parseInt).orElse(-1);
        } catch (NumberFormatException e) {
            v = -1;
        }
        if (v < MIN_VERSION || v > MAX_VERSION) {
            graph.unsupported("__metadata version " + (!metadata || version.isEmpty() ? "missing"
                    : UntrustedText.excerpt(version.get())) + ", not one of " + MIN_VERSION + " to " + MAX_VERSION);
        }
    }

    private static void entry(JsonParser p, String key, int line, LockGraph.Builder graph) throws IOException {
        Optional<String> version = Optional.empty();
        Optional<String> resolution = Optional.empty();
        Optional<String> checksum = Optional.empty();
        Map<String, String> dependencies = Map.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "version" -> version = Yaml.scalar(p).map(String::strip);
                case "resolution" -> resolution = Yaml.scalar(p).map(String::strip);
                case "checksum" -> checksum = Yaml.scalar(p).map(String::strip).filter(s -> !s.isEmpty());
                case "dependencies" -> dependencies = Yaml.scalars(p);
                default -> p.skipChildren();
            }
        }
        String what = "entry \"" + UntrustedText.excerpt(key) + "\"";
        if (resolution.isEmpty()) {
            graph.fault(line, what + " has no resolution");
            return;
        }
        Optional<String> name = YarnLock.nameOf(resolution.get()).filter(Texts::isToken);
        if (name.isEmpty()) {
            graph.fault(line, what + " has a resolution that names no package");
            return;
        }
        String reference = YarnLock.rangeOf(resolution.get());
        LockGraph.Kind kind = kind(reference);
        if (kind == LockGraph.Kind.PACKAGE && (version.isEmpty() || !Texts.isToken(version.get()))) {
            graph.fault(line, what + " has no version");
            return;
        }
        int node = graph.node(new LockGraph.Node(kind, name.get(), version.orElse(""), resolution,
                Optional.empty(), checksum, Optional.empty(), line));
        for (String descriptor : key.split(",")) {
            graph.key(descriptor.strip(), node);
        }
        if (kind == LockGraph.Kind.WORKSPACE) {
            String path = reference.substring("workspace:".length());
            graph.importer(path);
            dependencies.forEach((dep, range) -> graph.root(path, dep, candidates(dep, range),
                    LockGraph.Scope.UNDECIDED));
        } else {
            dependencies.forEach((dep, range) -> graph.dependency(node, candidates(dep, range)));
        }
    }

    /** The descriptor a dependency names; a bare range is the npm protocol's, as Berry normalises it. */
    private static List<String> candidates(String name, String range) {
        return range.contains(":") ? List.of(name + "@" + range) : List.of(name + "@" + range, name + "@npm:" + range);
    }

    private static LockGraph.Kind kind(String reference) {
        if (reference.startsWith("workspace:")) {
            return LockGraph.Kind.WORKSPACE;
        }
        if (reference.startsWith("patch:")) {
            String inner = YarnLock.rangeOf(patched(reference));
            return LockGraph.isLocal(inner) || inner.startsWith("workspace:") ? LockGraph.Kind.LOCAL
                    : LockGraph.Kind.PACKAGE;
        }
        return LockGraph.isLocal(reference) ? LockGraph.Kind.LOCAL : LockGraph.Kind.PACKAGE;
    }

    /** What "patch:resolve@npm%3A1.22.8#…" patches: "resolve@npm:1.22.8". */
    static String patched(String patchReference) {
        String rest = patchReference.substring("patch:".length());
        int hash = rest.indexOf('#');
        return percentDecode(hash < 0 ? rest : rest.substring(0, hash));
    }

    /** %XX escapes decoded as UTF-8; anything else, a malformed escape included, kept as written. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            int hi = s.charAt(i) == '%' && i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (hi >= 0 && lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 2;
                continue;
            }
            if (bytes.size() > 0) {
                out.append(UntrustedText.decode(bytes.toByteArray()));
                bytes.reset();
            }
            out.append(s.charAt(i));
        }
        if (bytes.size() > 0) {
            out.append(UntrustedText.decode(bytes.toByteArray()));
        }
        return out.toString();
    }
}
