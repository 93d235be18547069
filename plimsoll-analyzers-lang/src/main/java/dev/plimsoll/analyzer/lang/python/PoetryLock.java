package dev.plimsoll.analyzer.lang.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.analysis.UntrustedText;
import dev.plimsoll.core.inventory.PackageMetadata.Declared.Relation;
import dev.plimsoll.core.problem.ProblemKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * poetry.lock, in the layouts Poetry has written: lock-version 1.x (Poetry 1.0 to 1.2: hashes under
 * [metadata.files]), 2.0 (Poetry 1.3 to 1.8: hashes in each package's {@code files}) and 2.1 (Poetry 2: {@code groups}
 * instead of {@code category}).
 *
 * <p>Dev: a package is dev when its {@code groups} lack "main" (Poetry 2), else when its {@code category} is "dev"
 * (Poetry 1.0 to 1.4); Poetry 1.5 to 1.8 wrote neither, and their packages count as not dev. Relation: the lockfile
 * does not say which packages the project names (pyproject.toml does), so it is UNKNOWN. Sources: a package from
 * PyPI has no [package.source]; one from another index ("legacy") gets the index URL as resolved, a git one
 * "git+URL@COMMIT", a "url" or "file" one the archive it was built from; a "directory" one is a source tree of the
 * project's own (a path dependency) and is not reported, as npm workspace links are not.
 */
final class PoetryLock {
    static final String FORMAT = "poetry.lock";

    private PoetryLock() {
    }

    static LockContents read(String text) throws LockParseException {
        JsonNode root = Toml.read(text);
        List<LockContents.Note> notes = new ArrayList<>();
        JsonNode metadata = Toml.table(root, "metadata").orElse(null);
        Optional<String> lockVersion = Toml.string(metadata, "lock-version");
        if (lockVersion.isEmpty() || !(lockVersion.get().startsWith("1.") || lockVersion.get().startsWith("2."))) {
            notes.add(new LockContents.Note(ProblemKind.UNSUPPORTED, 0, lockVersion
                    .map(v -> "lock-version " + UntrustedText.excerpt(v) + " is not one of 1.x, 2.x")
                    .orElse("no [metadata] lock-version") + ": read as the known layouts, may be incomplete"));
        }
        JsonNode packages = root.get("package");
        if (packages != null && !packages.isArray()) {
            throw new LockParseException("\"package\" is not an array of tables", 0);
        }
        Map<String, JsonNode> legacyFiles = legacyFiles(metadata);
        List<Integer> lines = Toml.headerLines(text, "package");
        List<LockedPackage> out = new ArrayList<>();
        int index = 0;
        for (JsonNode p : Toml.array(root, "package")) {
            int line = packages.size() == lines.size() ? lines.get(index) : 0;
            index++;
            Optional<String> name = Toml.string(p, "name");
            Optional<String> version = Toml.string(p, "version");
            if (!p.isObject() || name.isEmpty() || version.isEmpty() || !PythonNames.isName(name.get())
                    || !PythonNames.isVersion(version.get())) {
                notes.add(new LockContents.Note(ProblemKind.MALFORMED_FILE, line, "package " + index
                        + " has no valid name and version (" + UntrustedText.excerpt(name.orElse("?")) + " "
                        + UntrustedText.excerpt(version.orElse("?")) + "); it is not reported"));
                continue;
            }
            JsonNode source = Toml.table(p, "source").orElse(null);
            String type = Toml.string(source, "type").orElse("");
            if (type.equals("directory")) {
                continue;
            }
            out.add(new LockedPackage(name.get(), version.get(), isDev(p), Relation.UNKNOWN, resolved(type, source),
                    checksum(p, name.get(), legacyFiles), line));
        }
        return new LockContents(out, notes);
    }

    private static boolean isDev(JsonNode p) {
        JsonNode groups = p.get("groups");
        if (groups != null && groups.isArray()) {
            for (JsonNode g : groups) {
                if (g.isTextual() && g.textValue().equals("main")) {
                    return false;
                }
            }
            return !groups.isEmpty();
        }
        return Toml.string(p, "category").filter(c -> c.equals("dev")).isPresent();
    }

    private static Optional<String> resolved(String type, JsonNode source) {
        Optional<String> url = Toml.string(source, "url").map(PythonNames::withoutCredentials);
        if (type.equals("git")) {
            Optional<String> commit = Toml.string(source, "resolved_reference")
                    .or(() -> Toml.string(source, "reference"));
            return url.map(u -> (u.startsWith("git+") ? u : "git+" + u) + commit.map(c -> "@" + c).orElse(""));
        }
        return url;
    }

    /** [metadata.files] of lock-version 1.x, by normalised package name. */
    private static Map<String, JsonNode> legacyFiles(JsonNode metadata) {
        Map<String, JsonNode> byName = new HashMap<>();
        Toml.table(metadata, "files").ifPresent(files -> files.properties()
                .forEach(e -> byName.putIfAbsent(PythonNames.normalize(e.getKey()), e.getValue())));
        return byName;
    }

    /** The first file hash: in the package (lock-version 2.x), else under [metadata.files] (1.x). */
    private static Optional<String> checksum(JsonNode p, String name, Map<String, JsonNode> legacyFiles) {
        List<JsonNode> files = Toml.array(p, "files");
        JsonNode legacy = legacyFiles.get(PythonNames.normalize(name));
        if (files.isEmpty() && legacy != null && legacy.isArray()) {
            files = new ArrayList<>();
            legacy.forEach(files::add);
        }
        for (JsonNode f : files) {
            Optional<String> hash = Toml.string(f, "hash").filter(h -> !h.isBlank());
            if (hash.isPresent()) {
                return hash;
            }
        }
        return Optional.empty();
    }
}
