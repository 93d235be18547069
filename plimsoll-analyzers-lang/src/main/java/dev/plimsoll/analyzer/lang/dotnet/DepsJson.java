package dev.plimsoll.analyzer.lang.dotnet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.plimsoll.analyzer.lang.FormatException;
import dev.plimsoll.analyzer.lang.Texts;
import dev.plimsoll.core.analysis.UntrustedText;
import dev.plimsoll.core.inventory.PackageMetadata.Declared.Relation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency manifest the .NET SDK writes beside an application ({@code APP.deps.json}) and that the host reads
 * at start-up (runtime configuration file spec, dotnet/runtime):
 *
 * <pre>
 * {"runtimeTarget": {"name": ".NETCoreApp,Version=v6.0"},
 *  "targets": {".NETCoreApp,Version=v6.0": {
 *      "App/1.0.0": {"dependencies": {"Newtonsoft.Json": "12.0.1"}, ...},
 *      "Newtonsoft.Json/12.0.1": {...}}},
 *  "libraries": {"App/1.0.0": {"type": "project", ...},
 *      "Newtonsoft.Json/12.0.1": {"type": "package", "serviceable": true, "sha512": "sha512-...", ...}}}
 * </pre>
 *
 * The packages are the runtime target's entries whose library is of type "package", and the runtime packs of a
 * self-contained application ("runtimepack.Microsoft.NETCore.App.Runtime.linux-x64/6.0.16", type "runtimepack"): that
 * is the .NET runtime itself, shipped as the NuGet package Microsoft.NETCore.App.Runtime.linux-x64, and advisories
 * name it so. Projects (the application and its project references) are its own code; reference assemblies are not
 * packages either. Without a runtime target that "targets" holds, every package library counts. A package is direct
 * when the application's own entry (the project named like the file) depends on it.
 *
 * @param entries the packages, in the order of "libraries"
 * @param faults  entries that could not be read; the others still are
 */
record DepsJson(List<Entry> entries, List<Fault> faults) {

    /**
     * @param id       the package id as written; for a runtime pack, without the "runtimepack." prefix
     * @param relation DIRECT or TRANSITIVE when the application's project entry is known, else UNKNOWN
     * @param sha512   the library's "sha512" ("sha512-BASE64"), when not empty
     * @param line     the line of the library's key in "libraries"
     */
    record Entry(String id, String version, Relation relation, Optional<String> sha512, boolean runtimePack,
                 int line) {
    }

    record Fault(int line, String message) {
    }

    /** Target entries, dependencies and libraries together; real files hold a few thousand. */
    static final int MAX_ENTRIES = 200_000;
    static final int MAX_FAULTS = 100;
    private static final String RUNTIME_PACK = "runtimepack.";

    private record TargetEntry(String key, Set<String> dependencies) {
    }

    private record Library(String type, Optional<String> sha512, int line) {
    }

    /** @param appName the application's name, the file's name without ".deps.json" */
    static DepsJson read(byte[] json, String appName) throws FormatException {
        Reader reader = new Reader();
        try (JsonParser p = JsonInput.FACTORY.createParser(json)) {
            reader.read(p);
        } catch (JsonProcessingException e) {
            throw JsonInput.notJson(e);
        } catch (IOException e) {
            throw JsonInput.unreadable(e);
        }
        return reader.assemble(appName);
    }

    /** The sections as read, assembled once the whole file is known (JSON does not fix their order). */
    private static final class Reader {
        private Optional<String> runtimeTarget = Optional.empty();
        private final Map<String, List<TargetEntry>> targets = new LinkedHashMap<>();
        private final Map<String, Library> libraries = new LinkedHashMap<>();
        private final List<Fault> faults = new ArrayList<>();
        private boolean sawLibraries;
        private int count;

        void read(JsonParser p) throws IOException, FormatException {
            p.nextToken();
            JsonInput.requireObject(p, "the file");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "runtimeTarget" -> readRuntimeTarget(p);
                    case "targets" -> readTargets(p);
                    case "libraries" -> {
                        sawLibraries = true;
                        readLibraries(p);
                    }
                    default -> p.skipChildren();
                }
            }
            if (!sawLibraries) {
                throw new FormatException("no \"libraries\": not a .deps.json", 0);
            }
        }

        private void readRuntimeTarget(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("name")) {
                    runtimeTarget = JsonInput.string(p);
                } else {
                    p.skipChildren();
                }
            }
        }

        private void readTargets(JsonParser p) throws IOException, FormatException {
            JsonInput.requireObject(p, "\"targets\"");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String target = p.currentName();
                p.nextToken();
                JsonInput.requireObject(p, "target \"" + UntrustedText.excerpt(target) + "\"");
                List<TargetEntry> entries = targets.computeIfAbsent(target, t -> new ArrayList<>());
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    count(p);
                    p.nextToken();
                    entries.add(new TargetEntry(key, readDependencyNames(p)));
                }
            }
        }

        /** The names under the entry's "dependencies", lower-cased (ids are case-insensitive). */
        private Set<String> readDependencyNames(JsonParser p) throws IOException, FormatException {
            Set<String> names = new HashSet<>();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return names;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("dependencies") && p.currentToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        count(p);
                        names.add(p.currentName().toLowerCase(Locale.ROOT));
                        p.nextToken();
                        p.skipChildren();
                    }
                } else {
                    p.skipChildren();
                }
            }
            return names;
        }

        private void readLibraries(JsonParser p) throws IOException, FormatException {
            JsonInput.requireObject(p, "\"libraries\"");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int line = JsonInput.line(p);
                count(p);
                p.nextToken();
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    fault(line, "library \"" + UntrustedText.excerpt(key) + "\" is not an object");
                    continue;
                }
                Optional<String> type = Optional.empty();
                Optional<String> sha512 = Optional.empty();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "type" -> type = JsonInput.string(p);
                        case "sha512" -> sha512 = JsonInput.string(p);
                        default -> p.skipChildren();
                    }
                }
                libraries.put(key, new Library(type.orElse(""), sha512, line));
            }
        }

        private void count(JsonParser p) throws FormatException {
            if (++count > MAX_ENTRIES) {
                throw new FormatException("more than " + MAX_ENTRIES + " entries", JsonInput.line(p), true);
            }
        }

        private void fault(int line, String message) throws FormatException {
            if (faults.size() >= MAX_FAULTS) {
                throw new FormatException("more than " + MAX_FAULTS + " unreadable entries", line);
            }
            faults.add(new Fault(line, message));
        }

        DepsJson assemble(String appName) throws FormatException {
            List<TargetEntry> runtime = runtimeTarget.map(targets::get).orElse(null);
            Set<String> inScope = new HashSet<>();
            if (runtime != null) {
                runtime.forEach(e -> inScope.add(e.key()));
            } else {
                inScope.addAll(libraries.keySet());
            }
            Optional<Set<String>> direct = directNames(runtime != null ? runtime
                    : targets.values().stream().flatMap(List::stream).toList(), appName);
            List<Entry> entries = new ArrayList<>();
            for (Map.Entry<String, Library> e : libraries.entrySet()) {
                String key = e.getKey();
                Library library = e.getValue();
                boolean runtimePack = library.type().equals("runtimepack");
                if (!inScope.contains(key) || !(library.type().equals("package") || runtimePack)) {
                    continue;
                }
                int slash = key.indexOf('/');
                String id = slash > 0 ? key.substring(0, slash) : "";
                String version = slash > 0 ? key.substring(slash + 1) : "";
                if (runtimePack && id.startsWith(RUNTIME_PACK)) {
                    id = id.substring(RUNTIME_PACK.length());
                }
                if (!PackagesLock.ID.matcher(id).matches() || !Texts.isToken(version) || version.contains("/")) {
                    fault(library.line(), "not a package id and version: \"" + UntrustedText.excerpt(key) + "\"");
                    continue;
                }
                String dependencyName = key.substring(0, slash).toLowerCase(Locale.ROOT);
                Relation relation = direct.map(d -> d.contains(dependencyName) ? Relation.DIRECT : Relation.TRANSITIVE)
                        .orElse(Relation.UNKNOWN);
                entries.add(new Entry(id, version, relation, library.sha512(), runtimePack, library.line()));
            }
            faults.sort(Comparator.comparingInt(Fault::line));
            return new DepsJson(List.copyOf(entries), List.copyOf(faults));
        }

        /**
         * What the application's own project entry depends on: the project named like the file, else every project
         * of the target; empty when the target has no project entry to tell.
         */
        private Optional<Set<String>> directNames(List<TargetEntry> target, String appName) {
            List<TargetEntry> projects = target.stream()
                    .filter(e -> libraries.getOrDefault(e.key(), new Library("", Optional.empty(), 0)).type()
                            .equals("project")).toList();
            List<TargetEntry> app = projects.stream()
                    .filter(e -> e.key().toLowerCase(Locale.ROOT).startsWith(appName.toLowerCase(Locale.ROOT) + "/"))
                    .toList();
            List<TargetEntry> chosen = app.isEmpty() ? projects : app;
            if (chosen.isEmpty()) {
                return Optional.empty();
            }
            Set<String> names = new HashSet<>();
            chosen.forEach(e -> names.addAll(e.dependencies()));
            return Optional.of(names);
        }
    }
}
