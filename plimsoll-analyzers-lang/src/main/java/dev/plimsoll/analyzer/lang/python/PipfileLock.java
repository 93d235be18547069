package dev.plimsoll.analyzer.lang.python;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.plimsoll.analyzer.lang.Texts;
import dev.plimsoll.core.analysis.UntrustedText;
import dev.plimsoll.core.inventory.PackageMetadata.Declared.Relation;
import dev.plimsoll.core.problem.ProblemKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pipfile.lock (pipfile-spec 6): the packages of "default" and of "develop", keyed by name, each with
 * {@code "version": "==1.2.3"}, its hashes and the name of the index ({@code _meta.sources}) it comes from.
 *
 * <p>A package in "develop" only is dev; one in both sections is reported once, not dev. The lockfile does not say
 * which packages the Pipfile names, so the relation is UNKNOWN. A git or file entry has no version unless pipenv
 * recorded one: without it, it is noted as not from a package index; a {@code path} entry is the project's own
 * source tree and is not reported.
 */
final class PipfileLock {
    static final String FORMAT = "Pipfile.lock";

    /** Immutable once built, shared by every session; lockfiles nest four levels. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private PipfileLock() {
    }

    /** One entry of "default" or "develop", as written. */
    private record Entry(String name, int line, boolean develop, Optional<String> version, Optional<String> hash,
                         Optional<String> index, Optional<String> git, Optional<String> ref, Optional<String> path,
                         Optional<String> file) {
    }

    static LockContents read(String text) throws LockParseException {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> sources = new HashMap<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new LockParseException("not a JSON object", line(p.currentLocation()));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "_meta" -> readMeta(p, sources);
                    case "default", "develop" -> {
                        if (value != JsonToken.START_OBJECT) {
                            throw new LockParseException("\"" + field + "\" is not an object",
                                    line(p.currentLocation()));
                        }
                        readSection(p, field.equals("develop"), entries);
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (JacksonException e) {
            throw new LockParseException("not valid JSON: " + e.getOriginalMessage(), line(e.getLocation()));
        } catch (IOException e) {
            // The parser reads a String: nothing but its own exceptions can come out of it.
            throw new LockParseException("not readable: " + e.getMessage(), 0);
        }
        return contents(entries, sources);
    }

    private static void readMeta(JsonParser p, Map<String, String> sources) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("sources") && p.currentToken() == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    Map<String, String> source = strings(p);
                    if (source.containsKey("name") && source.containsKey("url")) {
                        sources.putIfAbsent(source.get("name"), source.get("url"));
                    }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static void readSection(JsonParser p, boolean develop, List<Entry> out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int line = line(p.currentLocation());
            p.nextToken();
            Map<String, String> fields = new HashMap<>();
            Optional<String> hash = Optional.empty();
            if (p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("hashes") && p.currentToken() == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (hash.isEmpty() && p.currentToken() == JsonToken.VALUE_STRING) {
                                hash = Optional.of(p.getText()).filter(h -> !h.isBlank());
                            }
                            p.skipChildren();
                        }
                    } else if (p.currentToken() == JsonToken.VALUE_STRING) {
                        fields.put(field, p.getText());
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
            out.add(new Entry(name, line, develop, field(fields, "version"), hash, field(fields, "index"),
                    field(fields, "git"), field(fields, "ref"), field(fields, "path"), field(fields, "file")));
        }
    }

    private static LockContents contents(List<Entry> entries, Map<String, String> sources) {
        Map<String, LockedPackage> packages = new LinkedHashMap<>();
        List<String> unpinned = new ArrayList<>();
        List<String> notFromIndex = new ArrayList<>();
        List<LockContents.Note> notes = new ArrayList<>();
        // "default" first, so that a package in both sections is kept as the not-dev one.
        List<Entry> ordered = new ArrayList<>(entries.stream().filter(e -> !e.develop()).toList());
        ordered.addAll(entries.stream().filter(Entry::develop).toList());
        for (Entry e : ordered) {
            String where = UntrustedText.excerpt(e.name()) + " (line " + e.line() + ")";
            if (e.path().isPresent() && e.git().isEmpty()) {
                continue;
            }
            if (e.version().isEmpty()) {
                if (e.git().isPresent() || e.file().isPresent()) {
                    notFromIndex.add(where);
                } else {
                    notes.add(new LockContents.Note(ProblemKind.MALFORMED_FILE, e.line(), "package "
                            + UntrustedText.excerpt(e.name()) + " has no version; it is not reported"));
                }
                continue;
            }
            String spec = e.version().get().strip();
            Optional<String> version = spec.startsWith("===") ? Optional.of(spec.substring(3).strip())
                    .filter(Texts::isToken)
                    : spec.startsWith("==") ? Optional.of(spec.substring(2).strip()).filter(PythonNames::isVersion)
                    : Optional.empty();
            if (!PythonNames.isName(e.name()) || (version.isEmpty() && spec.startsWith("=="))) {
                notes.add(new LockContents.Note(ProblemKind.MALFORMED_FILE, e.line(), "not a package name and "
                        + "version: " + UntrustedText.excerpt(e.name()) + " " + UntrustedText.excerpt(spec)
                        + "; it is not reported"));
                continue;
            }
            if (version.isEmpty()) {
                unpinned.add(UntrustedText.excerpt(e.name() + spec) + " (line " + e.line() + ")");
                continue;
            }
            String key = PythonNames.normalize(e.name()) + " " + version.get();
            packages.putIfAbsent(key, new LockedPackage(e.name(), version.get(), e.develop(), Relation.UNKNOWN,
                    resolved(e, sources), e.hash(), e.line()));
        }
        if (!unpinned.isEmpty()) {
            notes.add(new LockContents.Note(ProblemKind.UNSUPPORTED, 0, "unpinned: no exact version to match, so "
                    + PythonNames.count(unpinned.size(), "package") + " not reported: "
                    + PythonNames.listing(unpinned)));
        }
        if (!notFromIndex.isEmpty()) {
            notes.add(new LockContents.Note(ProblemKind.UNSUPPORTED, 0, "not from a package index (git, file) "
                    + "and without a version to match, so " + PythonNames.count(notFromIndex.size(), "package")
                    + " not reported: " + PythonNames.listing(notFromIndex)));
        }
        return new LockContents(List.copyOf(packages.values()), notes);
    }

    private static Optional<String> resolved(Entry e, Map<String, String> sources) {
        if (e.git().isPresent()) {
            String git = PythonNames.withoutCredentials(e.git().get());
            return Optional.of((git.startsWith("git+") ? git : "git+" + git) + e.ref().map(r -> "@" + r).orElse(""));
        }
        if (e.file().isPresent()) {
            return e.file().map(PythonNames::withoutCredentials);
        }
        return e.index().map(sources::get).map(PythonNames::withoutCredentials);
    }

    /** The string fields of an object (other values skipped); a non-object is skipped whole. */
    private static Map<String, String> strings(JsonParser p) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return out;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                out.put(field, p.getText());
            } else {
                p.skipChildren();
            }
        }
        return out;
    }

    private static Optional<String> field(Map<String, String> fields, String name) {
        return Optional.ofNullable(fields.get(name)).filter(s -> !s.isBlank());
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }
}
