package dev.plimsoll.analyzer.lang.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's own package.json (not an installed package's): what it depends on, for production
 * ("dependencies", "optionalDependencies") or development ("devDependencies"), and its workspace folders. Yarn 1
 * records no importers and no dev flag, so these decide which locked packages are direct and which are dev.
 *
 * @param dependencies    name to range, production
 * @param devDependencies name to range, development
 * @param workspaces      the "workspaces" globs ("packages/*"), as an array or as {"packages": [...]}
 */
record ProjectManifest(Optional<String> name, Map<String, String> dependencies, Map<String, String> devDependencies,
                       List<String> workspaces) {
    /** Bounds on what one manifest may declare; real ones have some hundreds of dependencies. */
    static final int MAX_ENTRIES = 10_000;

    static ProjectManifest read(InputStream in) throws IOException {
        try (JsonParser p = Json.FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedJsonException("the file is not a JSON object", p.currentLocation().getLineNr());
            }
            Optional<String> name = Optional.empty();
            Map<String, String> dependencies = new LinkedHashMap<>();
            Map<String, String> devDependencies = new LinkedHashMap<>();
            List<String> workspaces = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "name" -> name = Json.string(p).map(String::strip).filter(s -> !s.isEmpty());
                    case "dependencies", "optionalDependencies" -> ranges(p, dependencies);
                    case "devDependencies" -> ranges(p, devDependencies);
                    case "workspaces" -> workspaces(p, workspaces);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new MalformedJsonException("unexpected " + p.currentToken(), p.currentLocation().getLineNr());
            }
            return new ProjectManifest(name, Map.copyOf(dependencies), Map.copyOf(devDependencies),
                    List.copyOf(workspaces));
        }
    }

    /**
     * How the manifest asks for a dependency: dev only if it is a dev dependency and nothing else (npm and yarn
     * install a package named in both for production).
     */
    LockGraph.Scope scopeOf(String dependency) {
        return devDependencies.containsKey(dependency) && !dependencies.containsKey(dependency)
                ? LockGraph.Scope.DEV : LockGraph.Scope.PROD;
    }

    /** Whether the folder {@code relativeDir} ("packages/tool") is one of the workspaces. */
    boolean hasWorkspace(String relativeDir) {
        boolean matched = false;
        for (String pattern : workspaces) {
            if (pattern.startsWith("!")) {
                if (Glob.matches(pattern.substring(1), relativeDir)) {
                    return false;
                }
            } else if (Glob.matches(pattern, relativeDir)) {
                matched = true;
            }
        }
        return matched;
    }

    private static void ranges(JsonParser p, Map<String, String> into) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String dep = p.currentName();
            p.nextToken();
            Optional<String> range = Json.string(p);
            if (range.isPresent() && into.size() < MAX_ENTRIES) {
                into.put(dep, range.get().strip());
            }
        }
    }

    private static void workspaces(JsonParser p, List<String> into) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("packages")) {
                    workspaces(p, into);
                } else {
                    p.skipChildren();
                }
            }
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Optional<String> pattern = Json.string(p);
            if (pattern.isPresent() && into.size() < MAX_ENTRIES && pattern.get().length() <= 1024) {
                into.add(pattern.get().strip());
            }
        }
    }

    /** Workspace globs: "*" and "?" within a path segment, "**" across segments; "./" and a trailing "/" ignored. */
    static final class Glob {
        private Glob() {
        }

        static boolean matches(String pattern, String path) {
            String[] pat = segments(pattern);
            String[] segs = segments(path);
            // matched[i][j]: pat[i..] matches segs[j..]; filled from the end, no recursion.
            boolean[][] matched = new boolean[pat.length + 1][segs.length + 1];
            matched[pat.length][segs.length] = true;
            for (int i = pat.length - 1; i >= 0; i--) {
                for (int j = segs.length; j >= 0; j--) {
                    if (pat[i].equals("**")) {
                        matched[i][j] = matched[i + 1][j] || (j < segs.length && matched[i][j + 1]);
                    } else {
                        matched[i][j] = j < segs.length && segment(pat[i], segs[j]) && matched[i + 1][j + 1];
                    }
                }
            }
            return matched[0][0];
        }

        private static String[] segments(String path) {
            List<String> out = new ArrayList<>();
            for (String s : path.split("/")) {
                if (!s.isEmpty() && !s.equals(".")) {
                    out.add(s);
                }
            }
            return out.toArray(String[]::new);
        }

        /** One segment against "*" and "?" wildcards, by dynamic programming over both lengths. */
        private static boolean segment(String pattern, String text) {
            boolean[] next = new boolean[text.length() + 1];
            next[text.length()] = true;
            for (int i = pattern.length() - 1; i >= 0; i--) {
                boolean[] cur = new boolean[text.length() + 1];
                char c = pattern.charAt(i);
                for (int j = text.length(); j >= 0; j--) {
                    if (c == '*') {
                        cur[j] = next[j] || (j < text.length() && cur[j + 1]);
                    } else {
                        cur[j] = j < text.length() && (c == '?' || c == text.charAt(j)) && next[j + 1];
                    }
                }
                next = cur;
            }
            return next[0];
        }
    }
}
