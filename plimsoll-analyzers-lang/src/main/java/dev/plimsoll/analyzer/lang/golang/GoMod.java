package dev.plimsoll.analyzer.lang.golang;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A go.mod file: its module path, go and toolchain lines, requirements and replacements. The syntax is Go's modfile
 * syntax: one directive a line, or a factored block {@code verb ( ... )} with one entry a line; tokens separated by
 * spaces and tabs, quoted ("...", with Go escapes) or raw (`...`); {@code //} comments, where "// indirect" marks a
 * requirement the main module's own packages do not import. Exclude, retract, godebug, tool and unknown directives
 * are read over and ignored. A line that cannot be read is a {@link Fault}; the rest of the file is still read, as
 * each directive stands alone.
 *
 * @param module    the module line's path: the project itself, not a dependency
 * @param go        the go line: the minimum language version, not the toolchain anything was built with
 * @param toolchain the toolchain line: the minimum toolchain, likewise
 */
record GoMod(Optional<String> module, Optional<String> go, Optional<String> toolchain, List<Require> requires,
             List<Replace> replaces, List<Fault> faults) {
    /** Lines a go.mod may have; the largest real ones (Kubernetes) have about a thousand. */
    static final int MAX_LINES = 1_000_000;

    GoMod {
        Objects.requireNonNull(module);
        Objects.requireNonNull(go);
        Objects.requireNonNull(toolchain);
        requires = List.copyOf(requires);
        replaces = List.copyOf(replaces);
        faults = List.copyOf(faults);
    }

    record Require(String path, String version, boolean indirect, int line) {
    }

    /**
     * {@code replace old [version] => new [version]}; a replacement without a version is a directory.
     *
     * @param oldVersion the one version replaced; empty: every version
     */
    record Replace(String oldPath, Optional<String> oldVersion, String newPath, Optional<String> newVersion,
                   int line) {
        boolean isDirectory() {
            return newVersion.isEmpty();
        }

        /** As go.mod writes it. */
        String directive() {
            return oldPath + oldVersion.map(v -> " " + v).orElse("") + " => " + newPath
                    + newVersion.map(v -> " " + v).orElse("");
        }
    }

    /** A line, 1-based, that could not be read. */
    record Fault(int line, String message) {
    }

    static GoMod parse(String text) {
        return new Parser().parse(text);
    }

    private static final class Parser {
        private Optional<String> module = Optional.empty();
        private Optional<String> go = Optional.empty();
        private Optional<String> toolchain = Optional.empty();
        private final List<Require> requires = new ArrayList<>();
        private final List<Replace> replaces = new ArrayList<>();
        private final List<Fault> faults = new ArrayList<>();

        GoMod parse(String text) {
            String block = null;
            int blockLine = 0;
            int lineNumber = 0;
            int start = 0;
            while (start <= text.length()) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    end = text.length();
                }
                String line = text.substring(start, end);
                start = end + 1;
                lineNumber++;
                if (lineNumber > MAX_LINES) {
                    faults.add(new Fault(lineNumber, "more than " + MAX_LINES + " lines; the rest is not read"));
                    break;
                }
                ModLine tokens;
                try {
                    tokens = ModLine.lex(line);
                } catch (ModLine.SyntaxException e) {
                    faults.add(new Fault(lineNumber, e.getMessage()));
                    continue;
                }
                if (tokens.isEmpty()) {
                    continue;
                }
                if (block != null) {
                    if (tokens.isCloseParen(0)) {
                        if (tokens.size() > 1) {
                            faults.add(new Fault(lineNumber, "text after the ')' that ends a block"));
                        }
                        block = null;
                    } else {
                        directive(block, tokens, 0, lineNumber);
                    }
                    continue;
                }
                if (!tokens.isWord(0)) {
                    faults.add(new Fault(lineNumber, "a line that does not start with a directive"));
                    continue;
                }
                String verb = tokens.text(0);
                if (tokens.size() >= 2 && tokens.isOpenParen(1)) {
                    if (tokens.size() == 2) {
                        block = verb;
                        blockLine = lineNumber;
                    } else if (tokens.size() == 3 && tokens.isCloseParen(2)) {
                        continue; // an empty block: "require ()"
                    } else {
                        faults.add(new Fault(lineNumber, "a block whose '(' does not end the line"));
                    }
                    continue;
                }
                directive(verb, tokens, 1, lineNumber);
            }
            if (block != null) {
                faults.add(new Fault(blockLine, "the " + block + " block started here is not closed"));
                faults.sort(java.util.Comparator.comparingInt(Fault::line));
            }
            return new GoMod(module, go, toolchain, requires, replaces, faults);
        }

        /** One directive whose arguments are the tokens from {@code from} on. */
        private void directive(String verb, ModLine tokens, int from, int line) {
            List<String> args = new ArrayList<>();
            for (int i = from; i < tokens.size(); i++) {
                if (!tokens.isWord(i) && !tokens.isString(i)) {
                    faults.add(new Fault(line, "an unexpected '" + tokens.text(i) + "'"));
                    return;
                }
                args.add(tokens.text(i));
            }
            switch (verb) {
                case "module" -> module = single(verb, args, line).or(() -> module);
                case "go" -> go = single(verb, args, line).or(() -> go);
                case "toolchain" -> toolchain = single(verb, args, line).or(() -> toolchain);
                case "require" -> {
                    if (args.size() != 2) {
                        faults.add(new Fault(line, "a requirement with " + args.size() + " fields, not a module "
                                + "path and a version"));
                    } else {
                        requires.add(new Require(args.get(0), args.get(1), tokens.indirect(), line));
                    }
                }
                case "replace" -> replace(args, line);
                default -> {
                    // exclude, retract, godebug, tool, ignore and directives of later Go versions
                }
            }
        }

        private Optional<String> single(String verb, List<String> args, int line) {
            if (args.size() != 1) {
                faults.add(new Fault(line, "a " + verb + " line with " + args.size() + " fields, not 1"));
                return Optional.empty();
            }
            return Optional.of(args.get(0));
        }

        private void replace(List<String> args, int line) {
            int arrow = args.indexOf("=>");
            if (arrow != 1 && arrow != 2 || args.size() - arrow - 1 < 1 || args.size() - arrow - 1 > 2) {
                faults.add(new Fault(line, "a replacement not of the form \"module [version] => module version\" "
                        + "or \"module [version] => directory\""));
                return;
            }
            Optional<String> oldVersion = arrow == 2 ? Optional.of(args.get(1)) : Optional.empty();
            String newPath = args.get(arrow + 1);
            Optional<String> newVersion = args.size() == arrow + 3 ? Optional.of(args.get(arrow + 2))
                    : Optional.empty();
            if (newVersion.isEmpty() && !isDirectory(newPath)) {
                faults.add(new Fault(line, "a replacement module without a version, and not a directory path "
                        + "(rooted or starting with ./ or ../)"));
                return;
            }
            replaces.add(new Replace(args.get(0), oldVersion, newPath, newVersion, line));
        }

        /** Go's rule for a replacement that is a directory rather than a module path. */
        private static boolean isDirectory(String path) {
            return path.startsWith("./") || path.startsWith("../") || path.startsWith("/") || path.equals(".")
                    || path.equals("..") || path.startsWith(".\\") || path.startsWith("..\\")
                    || path.matches("[A-Za-z]:[\\\\/].*");
        }
    }
}
