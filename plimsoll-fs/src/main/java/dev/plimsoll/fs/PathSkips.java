package dev.plimsoll.fs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Paths a user asked the scan to leave out ({@code --skip-dirs}, {@code --skip-files}): globs over paths inside the
 * scanned tree or image, where "*" matches within one segment, "?" one character and "**" any number of segments. A
 * pattern without a leading "/" is relative to the root ("vendor" is /vendor; "**&#47;node_modules" is every
 * node_modules). A skipped directory takes everything below it along. The walk counts what each pattern skipped, so
 * that the report can say so: nothing is left out silently.
 *
 * @param dirs  directory patterns
 * @param files file patterns (any non-directory entry)
 */
public record PathSkips(List<String> dirs, List<String> files) {
    public static final PathSkips NONE = new PathSkips(List.of(), List.of());

    public PathSkips {
        dirs = dirs.stream().map(PathSkips::normalise).toList();
        files = files.stream().map(PathSkips::normalise).toList();
    }

    public boolean isEmpty() {
        return dirs.isEmpty() && files.isEmpty();
    }

    /** What one pattern skipped. */
    public record Skipped(String option, String pattern, long entries, Optional<String> example) {
        public Skipped {
            Objects.requireNonNull(option);
            Objects.requireNonNull(pattern);
            Objects.requireNonNull(example);
        }
    }

    static String normalise(String pattern) {
        String p = pattern.trim();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("empty skip pattern");
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("/") ? p : "/" + p;
    }

    /** The patterns compiled, with counters for one walk. */
    Tally tally() {
        return new Tally(this);
    }

    /** One walk's matcher and counts; not shared between walks. */
    static final class Tally {
        private final List<Rule> rules = new ArrayList<>();

        private Tally(PathSkips skips) {
            for (String d : skips.dirs) {
                // "/*/**", not "/**": "**" also matches no segment, which would skip a file named like the dir
                rules.add(new Rule("--skip-dirs", d, GlobPattern.compile(d), GlobPattern.compile(d + "/*/**"), true));
            }
            for (String f : skips.files) {
                rules.add(new Rule("--skip-files", f, GlobPattern.compile(f), null, false));
            }
        }

        /** Whether to leave the entry out; counts it against the first pattern that takes it. */
        boolean skip(String path, boolean directory) {
            if (rules.isEmpty() || path.equals("/")) {
                return false;
            }
            GlobPattern.PathSegments segments = GlobPattern.PathSegments.of(path);
            for (Rule r : rules) {
                boolean hit = r.dirRule
                        ? (directory && r.self.matches(segments)) || r.below.matches(segments)
                        : !directory && r.self.matches(segments);
                if (hit) {
                    r.entries++;
                    if (r.example == null) {
                        r.example = path;
                    }
                    return true;
                }
            }
            return false;
        }

        List<Skipped> counts() {
            return rules.stream().map(r -> new Skipped(r.option, r.pattern, r.entries, Optional.ofNullable(r.example)))
                    .toList();
        }
    }

    private static final class Rule {
        final String option;
        final String pattern;
        final GlobPattern self;
        final GlobPattern below;
        final boolean dirRule;
        long entries;
        String example;

        Rule(String option, String pattern, GlobPattern self, GlobPattern below, boolean dirRule) {
            this.option = option;
            this.pattern = pattern;
            this.self = self;
            this.below = below;
            this.dirRule = dirRule;
        }
    }
}
