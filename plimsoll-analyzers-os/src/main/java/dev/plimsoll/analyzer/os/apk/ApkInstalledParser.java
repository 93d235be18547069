package dev.plimsoll.analyzer.os.apk;

import dev.plimsoll.analyzer.os.Texts;
import dev.plimsoll.core.analysis.UntrustedText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads apk's installed database ({@code lib/apk/db/installed}): one block per package, blocks separated by blank
 * lines, each line "X:value" with a one-letter field (apk-tools' "FDB" format). Kept: P name, V version, A
 * architecture, o origin, L license, m maintainer, U url, c commit, I installed size, D dependencies, and the file
 * list, which is F (a directory, relative to the root) followed by R (a file in it) lines. Other letters (C, S, T,
 * t, M, a, Z, p, i, r, k, q …) are skipped. One pass over the characters, no regular expressions.
 *
 * <p>A block with a line of another shape, a repeated identity field, or without P or V is dropped whole with its
 * first fault and line, and reading goes on with the next block.
 */
final class ApkInstalledParser {
    /** Bound on one value; real ones (long dependency lists) stay below a few KiB. */
    static final int MAX_VALUE_CHARS = 256 * 1024;

    record ApkRecord(int line, String name, String version, String architecture, Optional<String> origin,
                     Optional<String> license, Optional<String> maintainer, Optional<String> url,
                     Optional<String> commit, OptionalLong installedSize, List<String> depends, List<String> files) {
        ApkRecord {
            depends = List.copyOf(depends);
            files = List.copyOf(files);
        }

        PackageKey key() {
            return new PackageKey(name, version, architecture);
        }
    }

    /** The name, version and architecture of a package: what a layer attribution compares. */
    record PackageKey(String name, String version, String architecture) {
    }

    record Fault(int line, String message) {
    }

    record Parsed(List<ApkRecord> packages, List<Fault> faults) {
        Parsed {
            packages = List.copyOf(packages);
            faults = List.copyOf(faults);
        }
    }

    private ApkInstalledParser() {
    }

    /** Every kept field, files included. */
    static Parsed parse(String text) {
        return parse(text, false);
    }

    /** Identity only (P, V, A), for older copies of the database that serve layer attribution. */
    static Parsed parseLean(String text) {
        return parse(text, true);
    }

    private static Parsed parse(String text, boolean lean) {
        Block block = new Block(lean);
        List<ApkRecord> packages = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        int length = text.length();
        int pos = 0;
        int lineNo = 0;
        while (pos < length) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? length : nl;
            if (end > pos && text.charAt(end - 1) == '\r') {
                end--;
            }
            lineNo++;
            if (Texts.isBlank(text, pos, end)) {
                block.end(packages, faults);
            } else {
                block.line(text, pos, end, lineNo);
            }
            pos = nl < 0 ? length : nl + 1;
        }
        block.end(packages, faults);
        return new Parsed(packages, faults);
    }

    /** The state of the block being read. */
    private static final class Block {
        private final boolean lean;
        private boolean open;
        private int startLine;
        private Fault fault;
        private final Set<Character> seen = new HashSet<>();
        private String name;
        private String version;
        private String architecture;
        private String origin;
        private String license;
        private String maintainer;
        private String url;
        private String commit;
        private String installedSize;
        private String depends;
        private String directory = "";
        private final List<String> files = new ArrayList<>();

        Block(boolean lean) {
            this.lean = lean;
        }

        void line(String text, int from, int to, int lineNo) {
            if (!open) {
                open = true;
                startLine = lineNo;
            }
            if (fault != null) {
                return;
            }
            if (to - from < 2 || text.charAt(from + 1) != ':') {
                fault = new Fault(lineNo, "expected \"X:value\"");
                return;
            }
            char letter = text.charAt(from);
            boolean kept = switch (letter) {
                case 'P', 'V', 'A' -> true;
                case 'o', 'L', 'm', 'U', 'c', 'I', 'D', 'F', 'R' -> !lean;
                default -> false;
            };
            if (!kept) {
                return;
            }
            if (to - from - 2 > MAX_VALUE_CHARS) {
                fault = new Fault(lineNo, "value of field " + letter + " longer than " + MAX_VALUE_CHARS
                        + " characters");
                return;
            }
            String value = text.substring(from + 2, to).strip();
            if (letter != 'F' && letter != 'R' && !seen.add(letter)) {
                fault = new Fault(lineNo, "field " + letter + " given twice in one package");
                return;
            }
            switch (letter) {
                case 'P' -> name = value;
                case 'V' -> version = value;
                case 'A' -> architecture = value;
                case 'o' -> origin = value;
                case 'L' -> license = value;
                case 'm' -> maintainer = value;
                case 'U' -> url = value;
                case 'c' -> commit = value;
                case 'I' -> installedSize = value;
                case 'D' -> depends = value;
                case 'F' -> directory = value;
                case 'R' -> files.add(directory.isEmpty() ? "/" + value : "/" + directory + "/" + value);
                default -> throw new IllegalStateException("unkept field " + letter);
            }
        }

        void end(List<ApkRecord> packages, List<Fault> faults) {
            if (!open) {
                return;
            }
            if (fault != null) {
                faults.add(fault);
            } else if (name == null || name.isEmpty() || Texts.hasWhitespace(name)) {
                faults.add(new Fault(startLine, name == null || name.isEmpty() ? "package without a name (P:)"
                        : "invalid package name \"" + UntrustedText.excerpt(name) + "\""));
            } else if (version == null || version.isEmpty() || Texts.hasWhitespace(version)) {
                faults.add(new Fault(startLine, "package " + UntrustedText.excerpt(name) + ": "
                        + (version == null || version.isEmpty() ? "no version (V:)" : "invalid version")));
            } else {
                packages.add(new ApkRecord(startLine, name, version, architecture == null ? "" : architecture,
                        present(origin), present(license), present(maintainer), present(url), present(commit),
                        size(installedSize), depends == null ? List.of() : split(depends), files));
            }
            reset();
        }

        private void reset() {
            open = false;
            fault = null;
            seen.clear();
            name = null;
            version = null;
            architecture = null;
            origin = null;
            license = null;
            maintainer = null;
            url = null;
            commit = null;
            installedSize = null;
            depends = null;
            directory = "";
            files.clear();
        }

        private static Optional<String> present(String value) {
            return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        private static OptionalLong size(String value) {
            if (value == null || value.isEmpty() || value.length() > 18
                    || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(value));
        }

        private static List<String> split(String value) {
            String folded = Texts.fold(value);
            return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
        }
    }
}
