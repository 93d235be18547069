package dev.plimsoll.check.dockerfile.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * getopt-style reading of a command's arguments: combined short switches ({@code -qy}), attached short values
 * ({@code -oFoo}), {@code --name=value}, {@code --name value} and {@code -n value} for options known to take a value,
 * and {@code --} ending the options. Pure functions over the words; no regex (it runs for every command).
 */
final class Options {
    /** One option occurrence: {@code -y}, {@code --yes}, {@code -o} with its value. */
    record Occurrence(String name, Optional<String> value, int index) {
    }

    /** The options and the indexes of the operands (positionals). */
    record Parsed(List<Occurrence> options, List<Integer> positionals) {
    }

    private Options() {
    }

    static Parsed parse(List<Word> args, Set<String> valueOptions) {
        return parse(args, valueOptions, Set.of());
    }

    /** As {@link #parse(List, Set)}; {@code exactSwitches} are single-dash long switches ({@code -name}). */
    static Parsed parse(List<Word> args, Set<String> valueOptions, Set<String> exactSwitches) {
        List<Occurrence> options = new ArrayList<>();
        List<Integer> positionals = new ArrayList<>();
        boolean endOfOptions = false;
        int n = args.size();
        for (int i = 0; i < n; i++) {
            Word word = args.get(i);
            String v = word.value();
            if (endOfOptions || v.length() < 2 || v.charAt(0) != '-') {
                positionals.add(i);
                continue;
            }
            if (v.equals("--")) {
                endOfOptions = true;
                continue;
            }
            if (v.charAt(1) == '-') {
                int eq = v.indexOf('=');
                if (eq >= 0) {
                    options.add(new Occurrence(v.substring(0, eq), Optional.of(v.substring(eq + 1)), i));
                } else if (valueOptions.contains(v) && i + 1 < n) {
                    options.add(new Occurrence(v, Optional.of(args.get(i + 1).value()), i));
                    i++;
                } else {
                    options.add(new Occurrence(v, Optional.empty(), i));
                }
                continue;
            }
            if (exactSwitches.contains(v)) {
                options.add(new Occurrence(v, Optional.empty(), i));
                continue;
            }
            if (v.length() > 2 && valueOptions.contains(v)) {
                // single-dash long options some tools use (-name, -jar): only when the caller names them
                if (i + 1 < n) {
                    options.add(new Occurrence(v, Optional.of(args.get(i + 1).value()), i));
                    i++;
                } else {
                    options.add(new Occurrence(v, Optional.empty(), i));
                }
                continue;
            }
            for (int j = 1; j < v.length(); j++) {
                char c = v.charAt(j);
                if (c == '=' && j > 1) {
                    // -q=2: the value of the option before
                    Occurrence last = options.remove(options.size() - 1);
                    options.add(new Occurrence(last.name(), Optional.of(v.substring(j + 1)), i));
                    break;
                }
                String name = "-" + c;
                if (valueOptions.contains(name)) {
                    if (j + 1 < v.length()) {
                        options.add(new Occurrence(name, Optional.of(v.substring(j + 1)), i));
                    } else if (i + 1 < n) {
                        options.add(new Occurrence(name, Optional.of(args.get(i + 1).value()), i));
                        i++;
                    } else {
                        options.add(new Occurrence(name, Optional.empty(), i));
                    }
                    break;
                }
                options.add(new Occurrence(name, Optional.empty(), i));
            }
        }
        return new Parsed(options, positionals);
    }

    /** The index after a wrapper's options ({@code sudo -u root -E}), skipping values of {@code valueOptions}. */
    static int skip(List<Word> words, int from, Set<String> valueOptions, boolean assignments,
            List<Assignment> environment) {
        int i = from;
        while (i < words.size()) {
            Word word = words.get(i);
            String v = word.value();
            if (v.equals("--")) {
                return i + 1;
            }
            if (assignments) {
                int eq = assignmentEnd(v);
                if (eq > 0) {
                    Word value = new Word(v.substring(eq + 1), v.substring(eq + 1), word.hasExpansion(),
                            word.quoted(), word.position(), word.substitutions());
                    environment.add(new Assignment(v.substring(0, eq), value, word.position()));
                    i++;
                    continue;
                }
            }
            if (v.length() < 2 || v.charAt(0) != '-') {
                return i;
            }
            if (valueOptions.contains(v)) {
                i += 2;
                continue;
            }
            if (v.charAt(1) != '-') {
                boolean consumesNext = false;
                for (int j = 1; j < v.length(); j++) {
                    if (valueOptions.contains("-" + v.charAt(j))) {
                        consumesNext = j == v.length() - 1;
                        break;
                    }
                }
                i += consumesNext ? 2 : 1;
                continue;
            }
            i++;
        }
        return i;
    }

    /** Index of '=' when {@code v} starts with a shell name followed by '=', else -1. */
    static int assignmentEnd(String v) {
        if (v.isEmpty() || !isNameStart(v.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '=') {
                return i;
            }
            if (!isNameChar(c)) {
                return -1;
            }
        }
        return -1;
    }

    static boolean isNameStart(char c) {
        return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }
}
