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
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * NuGet's {@code packages.lock.json} (RestorePackagesWithLockFile): per target framework, and per framework and
 * runtime ("net6.0/linux-x64"), every package restored:
 *
 * <pre>
 * {"version": 1, "dependencies": {"net6.0": {
 *     "Newtonsoft.Json": {"type": "Direct", "requested": "[12.0.1, )", "resolved": "12.0.1", "contentHash": "..."},
 *     "fixture.core": {"type": "Project", ...}}}}
 * </pre>
 *
 * Version 2 is written for central package management and adds the type "CentralTransitive" (a transitive package
 * whose version the central file pins). "Project" entries are the solution's own projects, not packages.
 *
 * @param version the declared format "version", 0 when absent or not a number
 * @param entries the packages in file order, once per target that lists them
 * @param faults  entries that could not be read; the others still are
 */
record PackagesLock(int version, List<Entry> entries, List<Fault> faults) {

    /**
     * @param id          the package id as written (NuGet ids are case-insensitive)
     * @param resolved    the version restored
     * @param contentHash the base64 SHA-512 of the package, as written
     * @param target      the target framework (and runtime) that lists it
     */
    record Entry(String id, String resolved, Relation relation, Optional<String> contentHash, String target,
                 int line) {
    }

    record Fault(int line, String message) {
    }

    /** Entries over all targets; real files hold a few hundred per target. */
    static final int MAX_ENTRIES = 200_000;
    static final int MAX_FAULTS = 100;
    /** NuGet's package id rule, loosely: no spaces, slashes or other separators. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    static PackagesLock read(byte[] json) throws FormatException {
        try (JsonParser p = JsonInput.FACTORY.createParser(json)) {
            p.nextToken();
            JsonInput.requireObject(p, "the file");
            int version = 0;
            boolean sawDependencies = false;
            List<Entry> entries = new ArrayList<>();
            List<Fault> faults = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "version" -> {
                        version = value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                                ? Math.max(0, p.getIntValue()) : 0;
                        p.skipChildren();
                    }
                    case "dependencies" -> {
                        sawDependencies = true;
                        readTargets(p, entries, faults);
                    }
                    default -> p.skipChildren();
                }
            }
            if (!sawDependencies) {
                throw new FormatException("no \"dependencies\": not a packages.lock.json", 0);
            }
            return new PackagesLock(version, List.copyOf(entries), List.copyOf(faults));
        } catch (JsonProcessingException e) {
            throw JsonInput.notJson(e);
        } catch (IOException e) {
            throw JsonInput.unreadable(e);
        }
    }

    private static void readTargets(JsonParser p, List<Entry> entries, List<Fault> faults)
            throws IOException, FormatException {
        JsonInput.requireObject(p, "\"dependencies\"");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String target = p.currentName();
            p.nextToken();
            JsonInput.requireObject(p, "target \"" + UntrustedText.excerpt(target) + "\"");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String id = p.currentName();
                int line = JsonInput.line(p);
                p.nextToken();
                if (entries.size() >= MAX_ENTRIES) {
                    throw new FormatException("more than " + MAX_ENTRIES + " packages", line, true);
                }
                Optional<String> fault = readPackage(p, id, target, line, entries);
                if (fault.isPresent()) {
                    if (faults.size() >= MAX_FAULTS) {
                        throw new FormatException("more than " + MAX_FAULTS + " unreadable packages", line);
                    }
                    faults.add(new Fault(line, fault.get()));
                }
            }
        }
    }

    /** Reads one package object into {@code entries}; returns what is wrong with it, if anything. */
    private static Optional<String> readPackage(JsonParser p, String id, String target, int line, List<Entry> entries)
            throws IOException {
        String quoted = "\"" + UntrustedText.excerpt(id) + "\" in \"" + UntrustedText.excerpt(target) + "\"";
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Optional.of("package " + quoted + " is not an object");
        }
        Optional<String> type = Optional.empty();
        Optional<String> resolved = Optional.empty();
        Optional<String> contentHash = Optional.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "type" -> type = JsonInput.string(p);
                case "resolved" -> resolved = JsonInput.string(p).map(String::strip);
                case "contentHash" -> contentHash = JsonInput.string(p);
                default -> p.skipChildren();
            }
        }
        if (type.filter(t -> t.equals("Project")).isPresent()) {
            return Optional.empty(); // one of the solution's own projects
        }
        if (!ID.matcher(id).matches()) {
            return Optional.of("not a NuGet package id: " + quoted);
        }
        if (resolved.isEmpty() || !Texts.isToken(resolved.get())) {
            return Optional.of("package " + quoted + (resolved.isEmpty() ? " has no resolved version"
                    : " has a malformed resolved version"));
        }
        Relation relation = switch (type.orElse("")) {
            case "Direct" -> Relation.DIRECT;
            case "Transitive", "CentralTransitive" -> Relation.TRANSITIVE;
            default -> Relation.UNKNOWN;
        };
        entries.add(new Entry(id, resolved.get(), relation, contentHash, target, line));
        return Optional.empty();
    }
}
