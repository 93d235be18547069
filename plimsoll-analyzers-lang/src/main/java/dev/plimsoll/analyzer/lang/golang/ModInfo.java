package dev.plimsoll.analyzer.lang.golang;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The module information text the Go toolchain embeds (runtime/debug.BuildInfo's text form, without the toolchain
 * line): tab-separated "path", "mod", "dep", "=>" and "build" lines, each ended by a newline. A last line without
 * one is ignored, as Go ignores it. Lines of other kinds are skipped, so later additions to the format do not cost
 * the binary.
 */
final class ModInfo {
    /** Dependencies a binary may list; the largest real ones list a few hundred. */
    static final int MAX_MODULES = 100_000;

    private ModInfo() {
    }

    static GoBuildInfo parse(String goVersion, String text) throws BuildInfoException {
        String path = "";
        Optional<GoBuildInfo.Module> main = Optional.empty();
        List<GoBuildInfo.Module> deps = new ArrayList<>();
        // The module a "=>" line replaces: that of the last mod or dep line, unless a replacement followed it.
        GoBuildInfo.Module last = null;
        boolean lastIsMain = false;
        int lineNumber = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                break;
            }
            String line = text.substring(start, end);
            start = end + 1;
            lineNumber++;
            if (line.startsWith("path\t")) {
                path = line.substring(5);
            } else if (line.startsWith("mod\t")) {
                last = module(line.substring(4), lineNumber);
                lastIsMain = true;
                main = Optional.of(last);
            } else if (line.startsWith("dep\t")) {
                if (deps.size() >= MAX_MODULES) {
                    throw BuildInfoException.limit("more than " + MAX_MODULES + " dependencies");
                }
                last = module(line.substring(4), lineNumber);
                lastIsMain = false;
                deps.add(last);
            } else if (line.startsWith("=>\t")) {
                String[] columns = line.substring(3).split("\t", -1);
                if (columns.length != 3) {
                    throw malformed(lineNumber, "a replacement with " + columns.length + " columns, not 3");
                }
                if (last == null) {
                    throw malformed(lineNumber, "a replacement not following a module");
                }
                GoBuildInfo.Module replacement = new GoBuildInfo.Module(columns[0], columns[1], columns[2],
                        Optional.empty());
                GoBuildInfo.Module replaced = new GoBuildInfo.Module(last.path(), last.version(), last.sum(),
                        Optional.of(replacement));
                if (lastIsMain) {
                    main = Optional.of(replaced);
                } else {
                    deps.set(deps.size() - 1, replaced);
                }
                last = null;
            }
            // Build settings and lines of kinds not known here are skipped; like Go, only a "=>" line ends what the
            // previous module line started.
        }
        return new GoBuildInfo(goVersion, path, main, deps);
    }

    private static GoBuildInfo.Module module(String rest, int line) throws BuildInfoException {
        String[] columns = rest.split("\t", -1);
        if (columns.length != 2 && columns.length != 3) {
            throw malformed(line, "a module line with " + columns.length + " columns, not 2 or 3");
        }
        return new GoBuildInfo.Module(columns[0], columns[1], columns.length == 3 ? columns[2] : "",
                Optional.empty());
    }

    private static BuildInfoException malformed(int line, String message) {
        return BuildInfoException.malformed("Go build information, line " + line + ": " + message);
    }
}
