package dev.plimsoll.analyzer.lang.ruby;

import dev.plimsoll.analyzer.lang.FormatException;
import dev.plimsoll.core.analysis.UntrustedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Bundler lockfile (Gemfile.lock, gems.locked). Sections start at column 0 and end at a blank line:
 *
 * <pre>
 * GEM                                  GIT / PATH likewise, with "revision:", "branch:" ...
 *   remote: https://rubygems.org/
 *   specs:
 *     nokogiri (1.13.10-x86_64-linux)  a gem: name (version[-platform]), 4 spaces
 *       racc (~&gt; 1.4)                 its dependencies, 6 spaces
 *
 * PLATFORMS / DEPENDENCIES / CHECKSUMS / RUBY VERSION / BUNDLED WITH
 * </pre>
 *
 * DEPENDENCIES names what the Gemfile asks for itself ("name", "name (constraint)", "name!" for a gem from a git or
 * path source). Bundler 2.5 and later add CHECKSUMS: "  name (version[-platform]) sha256=HEX". The lockfile does not
 * record Gemfile groups, so nothing here says which gems are for development. PLUGIN SOURCE specs are Bundler
 * plugins, not the application's gems, and are not read.
 *
 * @param specs    the gems of the GEM, GIT and PATH sections, in file order
 * @param direct   the DEPENDENCIES names; empty when the file has no such section
 * @param checksums CHECKSUMS values by "name (version[-platform])"
 * @param faults   lines that could not be read; the rest of the file still is
 */
record GemfileLock(List<Spec> specs, Optional<Set<String>> direct, Map<String, String> checksums,
                   List<Fault> faults) {

    /**
     * One locked gem.
     *
     * @param version  the version without the platform ("1.13.10")
     * @param platform the platform suffix ("x86_64-linux"), empty for pure-Ruby gems
     * @param source   the section that locks it
     */
    record Spec(String name, String version, Optional<String> platform, Source source, int line) {
        /** How Bundler writes the gem in specs and CHECKSUMS: "nokogiri (1.13.10-x86_64-linux)". */
        String fullName() {
            return name + " (" + version + platform.map(p -> "-" + p).orElse("") + ")";
        }
    }

    /**
     * A GEM, GIT or PATH section.
     *
     * @param type     "GEM", "GIT" or "PATH"
     * @param resolved the rubygems remote (when the section names exactly one), "git-remote@revision", or the path
     */
    record Source(String type, Optional<String> resolved) {
    }

    record Fault(int line, String message) {
    }

    /** Lockfiles of large applications hold a few hundred gems. */
    static final int MAX_SPECS = 50_000;
    /** More faulty lines than this and the file is not a lockfile. */
    static final int MAX_FAULTS = 100;

    /** Gem names: letters, digits, "._-" (RubyGems' own rule); the version is up to the first "-" as Bundler reads it. */
    private static final Pattern SPEC = Pattern.compile(" {4}([A-Za-z0-9._-]+) \\(([0-9][0-9A-Za-z.]*)(?:-([^()\\s]+))?\\)");
    private static final Pattern SPEC_DEPENDENCY = Pattern.compile(" {6}\\S.*");
    private static final Pattern SOURCE_OPTION = Pattern.compile(" {2}([a-z_]+): ?(.*)");
    private static final Pattern DEPENDENCY = Pattern.compile(" {2}([A-Za-z0-9._-]+)!?(?: \\(.*\\))?");
    private static final Pattern CHECKSUM = Pattern.compile(" {2}([A-Za-z0-9._-]+ \\([^()\\s]+\\))(?: (\\S.*))?");
    private static final Pattern HEADER = Pattern.compile("[A-Z][A-Z ]*");

    private enum Section { SOURCE, DEPENDENCIES, CHECKSUMS, IGNORED }

    /** A gem whose section has not ended yet: its source is known only then. */
    private record Pending(String name, String version, Optional<String> platform, int line) {
    }

    static GemfileLock parse(String text) throws FormatException {
        return new Parser().parse(text);
    }

    /** The state of one pass over the lines. */
    private static final class Parser {
        private final List<Spec> specs = new ArrayList<>();
        private final Map<String, String> checksums = new HashMap<>();
        private final List<Fault> faults = new ArrayList<>();
        private Set<String> direct;
        private boolean sawSection;

        private Section section;
        private String sourceType;
        private final List<String> remotes = new ArrayList<>();
        private String revision;
        private boolean inSpecs;
        /** The specs of the current source, which learns its remote and revision as it goes. */
        private final List<Pending> pending = new ArrayList<>();

        GemfileLock parse(String text) throws FormatException {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
                int number = i + 1;
                if (line.isBlank()) {
                    endSection();
                } else if (line.charAt(0) != ' ') {
                    endSection();
                    header(line, number);
                } else if (section != null) {
                    body(line, number);
                } else {
                    fault(number, "an indented line outside any section");
                }
            }
            endSection();
            if (!sawSection) {
                throw new FormatException("no GEM, GIT, PATH or DEPENDENCIES section: not a Gemfile.lock", 0);
            }
            return new GemfileLock(List.copyOf(specs), Optional.ofNullable(direct).map(Set::copyOf),
                    Map.copyOf(checksums), List.copyOf(faults));
        }

        private void header(String line, int number) throws FormatException {
            switch (line) {
                case "GEM", "GIT", "PATH" -> {
                    section = Section.SOURCE;
                    sourceType = line;
                    sawSection = true;
                }
                case "DEPENDENCIES" -> {
                    section = Section.DEPENDENCIES;
                    direct = direct == null ? new HashSet<>() : direct;
                    sawSection = true;
                }
                case "CHECKSUMS" -> section = Section.CHECKSUMS;
                default -> {
                    // PLATFORMS, RUBY VERSION, BUNDLED WITH, PLUGIN SOURCE and whatever later Bundlers add.
                    section = Section.IGNORED;
                    if (!HEADER.matcher(line).matches()) {
                        fault(number, "not a section header: " + UntrustedText.excerpt(line));
                    }
                }
            }
        }

        private void body(String line, int number) throws FormatException {
            switch (section) {
                case SOURCE -> sourceLine(line, number);
                case DEPENDENCIES -> {
                    Matcher m = DEPENDENCY.matcher(line);
                    if (m.matches()) {
                        direct.add(m.group(1));
                    } else {
                        fault(number, "not a dependency: " + UntrustedText.excerpt(line.strip()));
                    }
                }
                case CHECKSUMS -> {
                    Matcher m = CHECKSUM.matcher(line);
                    if (!m.matches()) {
                        fault(number, "not a checksum: " + UntrustedText.excerpt(line.strip()));
                    } else if (m.group(2) != null) {
                        checksums.put(m.group(1), m.group(2));
                    }
                }
                case IGNORED -> {
                }
            }
        }

        private void sourceLine(String line, int number) throws FormatException {
            Matcher spec = SPEC.matcher(line);
            if (spec.matches()) {
                if (!inSpecs) {
                    fault(number, "a gem before \"specs:\"");
                } else if (specs.size() + pending.size() >= MAX_SPECS) {
                    throw new FormatException("more than " + MAX_SPECS + " gems", number, true);
                } else {
                    pending.add(new Pending(spec.group(1), spec.group(2), Optional.ofNullable(spec.group(3)),
                            number));
                }
                return;
            }
            if (inSpecs && SPEC_DEPENDENCY.matcher(line).matches()) {
                return;
            }
            Matcher option = SOURCE_OPTION.matcher(line);
            if (option.matches()) {
                switch (option.group(1)) {
                    case "remote" -> remotes.add(option.group(2).strip());
                    case "revision" -> revision = option.group(2).strip();
                    case "specs" -> inSpecs = true;
                    default -> {
                        // branch, tag, ref, glob, submodules: not needed to name the gems
                    }
                }
                return;
            }
            fault(number, (line.startsWith("    ") ? "not a gem and version: " : "unexpected line: ")
                    + UntrustedText.excerpt(line.strip()));
        }

        private void endSection() {
            if (section == Section.SOURCE) {
                Source source = new Source(sourceType, resolved());
                pending.forEach(p -> specs.add(new Spec(p.name(), p.version(), p.platform(), source, p.line())));
            }
            section = null;
            sourceType = null;
            remotes.clear();
            revision = null;
            inSpecs = false;
            pending.clear();
        }

        private Optional<String> resolved() {
            if (remotes.size() != 1 || remotes.get(0).isEmpty()) {
                return Optional.empty(); // old Bundlers listed several rubygems remotes in one GEM section
            }
            String remote = remotes.get(0);
            return Optional.of(sourceType.equals("GIT") && revision != null && !revision.isEmpty()
                    ? remote + "@" + revision : remote);
        }

        private void fault(int line, String message) throws FormatException {
            if (faults.size() >= MAX_FAULTS) {
                throw new FormatException("more than " + MAX_FAULTS + " unreadable lines: not a Gemfile.lock",
                        line);
            }
            faults.add(new Fault(line, message));
        }
    }
}
