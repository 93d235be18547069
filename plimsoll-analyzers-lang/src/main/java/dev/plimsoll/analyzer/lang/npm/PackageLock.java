package dev.plimsoll.analyzer.lang.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An npm lockfile (package-lock.json or npm-shrinkwrap.json): the packages installed under the project's
 * node_modules. Version 2 and 3 files list them flat in "packages", keyed by install path
 * ("node_modules/a/node_modules/b"); version 1 files nest them in "dependencies", which version 2 files repeat for
 * old npm and which is then ignored.
 *
 * @param lockfileVersion the declared "lockfileVersion", 0 when absent or not a number
 * @param entries         the locked packages, root project and workspace folders left out
 * @param faults          entries that could not be read
 * @param links           install paths of link entries (version 2 and 3: "node_modules/@x/tool" linking to a
 *                        workspace folder "packages/tool"): the project's own code
 */
record PackageLock(int lockfileVersion, List<Entry> entries, List<Fault> faults, List<String> links) {

    /**
     * One locked package.
     *
     * @param installPath where npm installs it, relative to the project
     * @param line        the line of its key in the file
     */
    record Entry(String installPath, String name, String version, Optional<String> resolved,
                 Optional<String> integrity, boolean dev, boolean optional, List<String> licenses, int line) {
    }

    record Fault(int line, String message) {
    }

    private static final String NODE_MODULES = "node_modules/";

    static PackageLock read(InputStream in) throws IOException {
        try (JsonParser p = Json.FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedJsonException("the file is not a JSON object", p.currentLocation().getLineNr());
            }
            int lockfileVersion = 0;
            List<Entry> packages = null;
            List<Entry> dependencies = null;
            List<Fault> faults = new ArrayList<>();
            List<String> links = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "lockfileVersion" -> {
                        lockfileVersion = value == JsonToken.VALUE_NUMBER_INT
                                && p.getNumberType() == JsonParser.NumberType.INT ? Math.max(0, p.getIntValue()) : 0;
                        p.skipChildren();
                    }
                    case "packages" -> {
                        packages = new ArrayList<>();
                        readPackages(p, packages, faults, links);
                    }
                    case "dependencies" -> {
                        if (packages != null) {
                            p.skipChildren();
                        } else {
                            dependencies = new ArrayList<>();
                            readDependencies(p, "", dependencies, faults);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            List<Entry> entries = packages != null ? packages : dependencies != null ? dependencies : List.of();
            return new PackageLock(lockfileVersion, List.copyOf(entries), List.copyOf(faults),
                    packages != null ? List.copyOf(links) : List.of());
        }
    }

    /** Version 2 and 3: "packages": {"node_modules/a": {...}, "": {root}, "packages/w": {workspace}}. */
    private static void readPackages(JsonParser p, List<Entry> out, List<Fault> faults, List<String> links)
            throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedJsonException("\"packages\" is not an object", p.currentLocation().getLineNr());
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int line = p.currentLocation().getLineNr();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                faults.add(new Fault(line, "package \"" + key + "\" is not an object"));
                continue;
            }
            Fields f = Fields.read(p);
            int at = key.lastIndexOf(NODE_MODULES);
            if (f.link && at >= 0) {
                links.add(key);
            }
            // The root project ("") and workspace folders are the project's own code; links point at those folders.
            if (at < 0 || f.link || !(at == 0 || key.charAt(at - 1) == '/')) {
                continue;
            }
            String name = f.name.orElse(key.substring(at + NODE_MODULES.length()));
            if (f.version.isEmpty() || name.isEmpty()) {
                faults.add(new Fault(line, "package \"" + key + "\" has no " + (name.isEmpty() ? "name" : "version")));
                continue;
            }
            out.add(new Entry(key, name, f.version.get(), f.resolved, f.integrity, f.dev, f.optional, f.licenses,
                    line));
        }
    }

    /** Version 1: "dependencies": {"a": {"version", ..., "dependencies": {nested under a's node_modules}}}. */
    private static void readDependencies(JsonParser p, String parent, List<Entry> out, List<Fault> faults)
            throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedJsonException("\"dependencies\" is not an object", p.currentLocation().getLineNr());
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int line = p.currentLocation().getLineNr();
            String installPath = parent + NODE_MODULES + key;
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                faults.add(new Fault(line, "dependency \"" + installPath + "\" is not an object"));
                continue;
            }
            Fields f = new Fields();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("dependencies") && p.currentToken() == JsonToken.START_OBJECT) {
                    readDependencies(p, installPath + "/", out, faults);
                } else {
                    f.read(field, p);
                }
            }
            if (f.version.isEmpty()) {
                faults.add(new Fault(line, "dependency \"" + installPath + "\" has no version"));
                continue;
            }
            String name = key;
            String version = f.version.get();
            // A local folder or tarball (a workspace, "file:../lib"): the project's own code, as links in version 2.
            if (version.startsWith("file:") || version.startsWith("link:")) {
                continue;
            }
            // An alias ("b": {"version": "npm:real@1.0.0"}) installs package "real" under the name "b".
            if (version.startsWith("npm:")) {
                int at = version.lastIndexOf('@');
                if (at > "npm:".length()) {
                    name = version.substring("npm:".length(), at);
                    version = version.substring(at + 1);
                }
            }
            out.add(new Entry(installPath, name, version, f.resolved, f.integrity, f.dev, f.optional, f.licenses,
                    line));
        }
    }

    /** The fields of one entry that matter here. */
    private static final class Fields {
        Optional<String> name = Optional.empty();
        Optional<String> version = Optional.empty();
        Optional<String> resolved = Optional.empty();
        Optional<String> integrity = Optional.empty();
        List<String> licenses = List.of();
        boolean dev;
        boolean optional;
        boolean link;

        static Fields read(JsonParser p) throws IOException {
            Fields f = new Fields();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                f.read(field, p);
            }
            return f;
        }

        void read(String field, JsonParser p) throws IOException {
            switch (field) {
                case "name" -> name = Json.string(p).map(String::strip).filter(s -> !s.isEmpty());
                case "version" -> version = Json.string(p).map(String::strip).filter(s -> !s.isEmpty());
                case "resolved" -> resolved = Json.string(p).filter(s -> !s.isBlank());
                case "integrity" -> integrity = Json.string(p).filter(s -> !s.isBlank());
                case "license" -> licenses = Json.licenses(p);
                case "dev" -> dev = Json.isTrue(p);
                case "optional" -> optional = Json.isTrue(p);
                case "link" -> link = Json.isTrue(p);
                default -> p.skipChildren();
            }
        }
    }
}
