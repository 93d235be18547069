package dev.plimsoll.analyzer.lang.python;

import dev.plimsoll.analyzer.lang.Texts;
import dev.plimsoll.core.analysis.UntrustedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pip requirements file, read line by line as pip reads it: backslash continuations joined (a comment line ends
 * one), comments removed ("#" at the start or after whitespace), each line split at its first word starting with
 * "-" into the requirement and its options. What each line says:
 * <ul>
 *   <li>{@code name==1.2.3}, {@code name===1.2.3}, {@code name[extra] == 1.2.3 ; marker --hash=sha256:...}: pinned,
 *       the version as written; environment markers are not evaluated (the interpreter is not known);
 *   <li>{@code name}, {@code name>=1.0}, {@code name==1.*}: unpinned, no exact version;
 *   <li>{@code -e PATH|URL}, {@code name @ URL}, a URL or a local path or archive: not from a package index;
 *   <li>{@code -r FILE}, {@code -c FILE} (and their long forms): includes, resolved by the analyzer;
 *   <li>index and install options ({@code -i}, {@code --extra-index-url}, {@code --pre}, ...): the index URL is kept,
 *       the rest ignored; an unknown option is a fault, as it is an error for pip.
 * </ul>
 * Environment variables ({@code ${VAR}}) are not expanded: a version naming one is a fault.
 */
record RequirementsFile(List<Entry> entries, List<Fault> faults, Optional<String> indexUrl) {

    /** One thing a line says, at its 1-based line (a continued line's first). */
    sealed interface Entry {
        int line();
    }

    record Pinned(String name, String version, Optional<String> hash, int line) implements Entry {
    }

    /** @param specifier the version specifier as written, "" when there is none */
    record Unpinned(String name, String specifier, int line) implements Entry {
    }

    /** @param what the line, its URL without credentials */
    record NotFromIndex(String what, int line) implements Entry {
    }

    /** {@code -r FILE} ({@code constraint} false) or {@code -c FILE}. */
    record Include(boolean constraint, String target, int line) implements Entry {
    }

    record Fault(int line, String message) {
    }

    RequirementsFile {
        entries = List.copyOf(entries);
        faults = List.copyOf(faults);
    }

    private static final Pattern COMMENT = Pattern.compile("(^|\\s+)#.*$");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern CLAUSE = Pattern.compile("\\s*(===|==|!=|~=|<=|>=|<|>)\\s*([^\\s,;]+)\\s*");
    private static final Pattern EGG = Pattern.compile("[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final List<String> ARCHIVES = List.of(".whl", ".zip", ".tar.gz", ".tgz", ".tar", ".tar.bz2",
            ".tbz", ".tar.xz", ".txz", ".tar.lz", ".tlz");
    /** File-wide options pip accepts that take a value and that do not matter here. */
    private static final Set<String> IGNORED_WITH_VALUE = Set.of("--extra-index-url", "-f", "--find-links",
            "--trusted-host", "--no-binary", "--only-binary", "--use-feature");
    private static final Set<String> IGNORED_FLAGS = Set.of("--no-index", "--pre", "--prefer-binary",
            "--require-hashes");
    /** Options pip accepts after a requirement, besides --hash. */
    private static final Set<String> PER_REQUIREMENT = Set.of("--global-option", "--install-option",
            "--config-settings", "-C");

    static RequirementsFile parse(String text) {
        Builder b = new Builder();
        for (LogicalLine l : logicalLines(text)) {
            b.line(l.number(), l.text());
        }
        return new RequirementsFile(b.entries, b.faults, Optional.ofNullable(b.indexUrl));
    }

    private record LogicalLine(int number, String text) {
    }

    /** pip's join_lines and ignore_comments: continuations joined, comments and blank lines gone. */
    private static List<LogicalLine> logicalLines(String text) {
        List<LogicalLine> out = new ArrayList<>();
        String[] lines = LINE_BREAK.split(text, -1);
        StringBuilder pending = null;
        int primary = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean comment = line.stripLeading().startsWith("#");
            if (!line.endsWith("\\") || comment) {
                if (pending != null) {
                    pending.append(comment ? " " + line : line);
                    add(out, primary, pending.toString());
                    pending = null;
                } else {
                    add(out, i + 1, line);
                }
            } else {
                if (pending == null) {
                    primary = i + 1;
                    pending = new StringBuilder();
                }
                pending.append(stripBackslashes(line));
            }
        }
        if (pending != null) {
            add(out, primary, pending.toString());
        }
        return out;
    }

    private static void add(List<LogicalLine> out, int number, String line) {
        String stripped = COMMENT.matcher(line).replaceFirst("").strip();
        if (!stripped.isEmpty()) {
            out.add(new LogicalLine(number, stripped));
        }
    }

    private static String stripBackslashes(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && line.charAt(start) == '\\') {
            start++;
        }
        while (end > start && line.charAt(end - 1) == '\\') {
            end--;
        }
        return line.substring(start, end);
    }

    /** Accumulates what the lines say. */
    private static final class Builder {
        final List<Entry> entries = new ArrayList<>();
        final List<Fault> faults = new ArrayList<>();
        String indexUrl;

        void line(int number, String line) {
            // pip's break_args_options: the requirement is every word before the first one starting with "-".
            String[] words = line.split(" ", -1);
            int firstOption = 0;
            while (firstOption < words.length && !words[firstOption].startsWith("-")) {
                firstOption++;
            }
            String requirement = String.join(" ", List.of(words).subList(0, firstOption)).strip();
            List<String> options;
            try {
                options = Shell.split(String.join(" ", List.of(words).subList(firstOption, words.length)));
            } catch (IllegalArgumentException e) {
                faults.add(new Fault(number, e.getMessage() + "; the line is not read"));
                return;
            }
            if (requirement.isEmpty()) {
                fileOptions(number, options);
            } else {
                requirement(number, requirement, options);
            }
        }

        private void fileOptions(int number, List<String> options) {
            for (int i = 0; i < options.size(); i++) {
                Option o = Option.at(options, i);
                if (o == null) {
                    faults.add(new Fault(number, "not an option: " + UntrustedText.excerpt(options.get(i))));
                    return;
                }
                boolean takesValue = o.takesValue();
                if (takesValue && o.value() == null) {
                    faults.add(new Fault(number, "option " + o.name() + " without a value"));
                    return;
                }
                i = o.next() - 1;
                switch (o.name()) {
                    case "-r", "--requirement" -> entries.add(new Include(false, o.value(), number));
                    case "-c", "--constraint" -> entries.add(new Include(true, o.value(), number));
                    case "-e", "--editable" -> entries.add(new NotFromIndex("-e "
                            + PythonNames.withoutCredentials(o.value()), number));
                    case "-i", "--index-url" -> indexUrl = PythonNames.withoutCredentials(o.value());
                    default -> {
                        if (!IGNORED_WITH_VALUE.contains(o.name()) && !IGNORED_FLAGS.contains(o.name())) {
                            faults.add(new Fault(number, (PER_REQUIREMENT.contains(o.name())
                                    || o.name().equals("--hash") ? "option " + o.name() + " without a requirement"
                                    : "unknown option " + UntrustedText.excerpt(o.name())) + "; the line is not read"));
                            return;
                        }
                    }
                }
            }
        }

        private void requirement(int number, String requirement, List<String> options) {
            Optional<String> hash = Optional.empty();
            for (int i = 0; i < options.size(); i++) {
                Option o = Option.at(options, i);
                boolean known = o != null && (o.name().equals("--hash") || PER_REQUIREMENT.contains(o.name()));
                if (!known || o.value() == null) {
                    faults.add(new Fault(number, (known ? "option " + o.name() + " without a value"
                            : "unknown option after a requirement: " + UntrustedText.excerpt(options.get(i)))
                            + "; the option is ignored"));
                    break;
                }
                i = o.next() - 1;
                if (o.name().equals("--hash") && hash.isEmpty()) {
                    hash = Optional.of(o.value()).filter(Texts::isToken);
                }
            }
            Entry entry = Requirement.read(requirement, hash, number);
            if (entry == null) {
                faults.add(new Fault(number, "not a requirement: " + UntrustedText.excerpt(
                        PythonNames.withoutCredentials(requirement)) + "; the line is not read"));
            } else {
                entries.add(entry);
            }
        }
    }

    /**
     * An option at index {@code i}: "--name=value", "--name value", "-xvalue" or "-x value" for those that take one.
     *
     * @param next the index after the option and its value
     */
    private record Option(String name, String value, int next) {
        private static final Set<String> WITH_VALUE = Set.of("-r", "--requirement", "-c", "--constraint", "-e",
                "--editable", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--trusted-host",
                "--no-binary", "--only-binary", "--use-feature", "--hash", "--global-option", "--install-option",
                "--config-settings", "-C");

        boolean takesValue() {
            return WITH_VALUE.contains(name);
        }

        static Option at(List<String> words, int i) {
            String w = words.get(i);
            if (w.startsWith("--")) {
                int eq = w.indexOf('=');
                if (eq > 0) {
                    return new Option(w.substring(0, eq), w.substring(eq + 1), i + 1);
                }
                return WITH_VALUE.contains(w) ? new Option(w, i + 1 < words.size() ? words.get(i + 1) : null, i + 2)
                        : new Option(w, null, i + 1);
            }
            if (w.startsWith("-") && w.length() >= 2) {
                String name = w.substring(0, 2);
                if (!WITH_VALUE.contains(name)) {
                    return w.length() == 2 ? new Option(name, null, i + 1) : null;
                }
                if (w.length() > 2) {
                    return new Option(name, w.substring(2), i + 1);
                }
                return new Option(name, i + 1 < words.size() ? words.get(i + 1) : null, i + 2);
            }
            return null;
        }
    }

    /** The requirement part of a line: PEP 508, or a URL or path. */
    private static final class Requirement {
        private static final Pattern NAME_START = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");

        /** The entry, or null when the text is not a requirement. */
        static Entry read(String text, Optional<String> hash, int line) {
            if (PythonNames.isUrl(text) || looksLikePath(text)) {
                return new NotFromIndex(PythonNames.withoutCredentials(text), line);
            }
            Matcher name = NAME_START.matcher(text);
            if (!name.lookingAt()) {
                return null;
            }
            int at = skipSpace(text, name.end());
            if (at < text.length() && text.charAt(at) == '[') {
                int close = text.indexOf(']', at);
                if (close < 0) {
                    return null;
                }
                at = skipSpace(text, close + 1);
            }
            if (at < text.length() && text.charAt(at) == '@') {
                return new NotFromIndex(PythonNames.withoutCredentials(text), line);
            }
            int semicolon = text.indexOf(';', at);
            String specifier = (semicolon < 0 ? text.substring(at) : text.substring(at, semicolon)).strip();
            if (specifier.startsWith("(") && specifier.endsWith(")")) {
                specifier = specifier.substring(1, specifier.length() - 1).strip();
            }
            return specifier(name.group(), specifier, hash, line);
        }

        private static Entry specifier(String name, String specifier, Optional<String> hash, int line) {
            if (specifier.isEmpty()) {
                return new Unpinned(name, "", line);
            }
            String exact = null;
            for (String clause : specifier.split(",", -1)) {
                Matcher m = CLAUSE.matcher(clause);
                if (!m.matches()) {
                    return null;
                }
                String op = m.group(1);
                String version = m.group(2);
                if (op.equals("===") && exact == null) {
                    // Arbitrary equality takes any string, but not one with control or Unicode space characters,
                    // which the ASCII \s of CLAUSE lets through (found by PythonLockProperties).
                    if (!dev.plimsoll.analyzer.lang.Texts.isToken(version)) {
                        return null;
                    }
                    exact = version;
                } else if (op.equals("==") && !version.endsWith(".*") && exact == null) {
                    if (!PythonNames.isVersion(version)) {
                        return null;
                    }
                    exact = version;
                }
            }
            return exact == null ? new Unpinned(name, specifier, line) : new Pinned(name, exact, hash, line);
        }

        /** pip's test: a path separator, a leading ".", or an archive's extension. */
        private static boolean looksLikePath(String text) {
            int end = text.indexOf(';');
            String head = (end < 0 ? text : text.substring(0, end)).strip();
            String lower = head.toLowerCase(Locale.ROOT);
            return head.startsWith(".") || head.startsWith("~") || head.contains("\\")
                    || (head.contains("/") && !head.contains("@")) || ARCHIVES.stream().anyMatch(lower::endsWith);
        }

        private static int skipSpace(String s, int i) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return i;
        }
    }

    /** Splits an option string into words as Python's shlex.split does: whitespace, quotes and backslashes. */
    static final class Shell {
        private Shell() {
        }

        static List<String> split(String s) {
            List<String> words = new ArrayList<>();
            StringBuilder word = null;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    if (word != null) {
                        words.add(word.toString());
                        word = null;
                    }
                    continue;
                }
                if (word == null) {
                    word = new StringBuilder();
                }
                if (c == '\'' || c == '"') {
                    int close = s.indexOf(c, i + 1);
                    if (close < 0) {
                        throw new IllegalArgumentException("no closing quotation");
                    }
                    word.append(s, i + 1, close);
                    i = close;
                } else if (c == '\\' && i + 1 < s.length()) {
                    word.append(s.charAt(++i));
                } else {
                    word.append(c);
                }
            }
            if (word != null) {
                words.add(word.toString());
            }
            return words;
        }
    }
}
