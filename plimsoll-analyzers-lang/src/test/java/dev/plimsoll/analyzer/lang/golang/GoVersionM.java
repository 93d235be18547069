package dev.plimsoll.analyzer.lang.golang;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code go version -m FILE} printed, read back into a {@link GoBuildInfo}: "FILE: go1.19.8", then one
 * tab-indented line per path, mod, dep, "=>" (replacing the module of the line before) and build setting.
 */
final class GoVersionM {
    private GoVersionM() {
    }

    static GoBuildInfo parse(String output) {
        String[] lines = output.split("\n");
        String first = lines[0];
        String goVersion = first.substring(first.lastIndexOf(": ") + 2);
        String path = "";
        Optional<GoBuildInfo.Module> main = Optional.empty();
        List<GoBuildInfo.Module> deps = new ArrayList<>();
        boolean lastIsMain = false;
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].startsWith("\t")) {
                throw new IllegalArgumentException("not go version -m output: " + lines[i]);
            }
            String[] f = lines[i].substring(1).split("\t", -1);
            switch (f[0]) {
                case "path" -> path = f[1];
                case "mod" -> {
                    main = Optional.of(module(f));
                    lastIsMain = true;
                }
                case "dep" -> {
                    deps.add(module(f));
                    lastIsMain = false;
                }
                case "=>" -> {
                    GoBuildInfo.Module replacement = module(f);
                    if (lastIsMain) {
                        main = main.map(m -> new GoBuildInfo.Module(m.path(), m.version(), m.sum(),
                                Optional.of(replacement)));
                    } else {
                        GoBuildInfo.Module m = deps.remove(deps.size() - 1);
                        deps.add(new GoBuildInfo.Module(m.path(), m.version(), m.sum(), Optional.of(replacement)));
                    }
                }
                default -> {
                    // build settings, and the empty lines Go 1.19 prints after a replacement
                }
            }
        }
        return new GoBuildInfo(goVersion, path, main, deps);
    }

    private static GoBuildInfo.Module module(String[] f) {
        return new GoBuildInfo.Module(f[1], f[2], f.length > 3 ? f[3] : "", Optional.empty());
    }
}
