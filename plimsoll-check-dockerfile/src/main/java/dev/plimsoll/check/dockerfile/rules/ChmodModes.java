package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * File modes as chmod, {@code install -m}, {@code mkdir -m} and {@code COPY --chmod} read them, for PLM-DF-007
 * (world-writable) and PLM-DF-008 (setuid/setgid).
 */
final class ChmodModes {
    private ChmodModes() {
    }

    /**
     * What a mode grants. A symbolic mode without a who part ({@code +w}) is filtered by the umask (022 in a build),
     * so it never grants write to group or others.
     */
    record Mode(String text, boolean worldWritable, boolean setuid, boolean setgid, boolean sticky) {
    }

    /**
     * One mode change in a RUN: the mode, the files, whether it is recursive, and whether the targets are known to be
     * directories ({@code install -d}, {@code mkdir -m}, {@code find -type d -exec chmod}).
     */
    record Change(String command, Mode mode, List<String> files, boolean recursive, boolean directories) {
    }

    static Optional<Mode> parse(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (Character.isDigit(text.charAt(0))) {
            if (text.length() > 5) {
                return Optional.empty();
            }
            int value = 0;
            for (int i = 0; i < text.length(); i++) {
                int d = text.charAt(i) - '0';
                if (d < 0 || d > 7) {
                    return Optional.empty();
                }
                value = value * 8 + d;
            }
            int special = (value >> 9) & 7;
            return Optional.of(new Mode(text, (value & 2) != 0, (special & 4) != 0, (special & 2) != 0,
                    (special & 1) != 0));
        }
        boolean world = false;
        boolean setuid = false;
        boolean setgid = false;
        boolean sticky = false;
        for (String clause : text.split(",", -1)) {
            int i = 0;
            StringBuilder who = new StringBuilder();
            while (i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0) {
                who.append(clause.charAt(i++));
            }
            if (i >= clause.length()) {
                return Optional.empty();
            }
            String w = who.toString();
            boolean all = w.isEmpty() || w.contains("a");
            while (i < clause.length()) {
                char op = clause.charAt(i++);
                if ("+-=".indexOf(op) < 0) {
                    return Optional.empty();
                }
                int start = i;
                while (i < clause.length() && "rwxXstugo".indexOf(clause.charAt(i)) >= 0) {
                    i++;
                }
                String perms = clause.substring(start, i);
                if (op == '-') {
                    continue;
                }
                if (perms.indexOf('w') >= 0 && (w.contains("o") || w.contains("a"))) {
                    world = true;
                }
                if (perms.indexOf('s') >= 0) {
                    setuid |= all || w.contains("u");
                    setgid |= all || w.contains("g");
                }
                if (perms.indexOf('t') >= 0) {
                    sticky = true;
                }
            }
        }
        return Optional.of(new Mode(text, world, setuid, setgid, sticky));
    }

    /** The mode changes a command makes: chmod, find -exec chmod, install -m, mkdir -m. */
    static List<Change> changes(SimpleCommand c) {
        List<Change> out = new ArrayList<>();
        if (c.is("chmod")) {
            chmod(values(c.args()), false, out);
        } else if (c.is("find")) {
            List<String> args = values(c.args());
            for (int i = 0; i < args.size(); i++) {
                if ((args.get(i).equals("-exec") || args.get(i).equals("-execdir")) && i + 1 < args.size()
                        && args.get(i + 1).endsWith("chmod")) {
                    int end = i + 2;
                    while (end < args.size() && !args.get(end).equals(";") && !args.get(end).equals("+")) {
                        end++;
                    }
                    chmod(args.subList(i + 2, end), args.subList(0, i).contains("-type")
                            && args.get(args.subList(0, i).lastIndexOf("-type") + 1).equals("d"), out);
                }
            }
        } else if (c.is("install", "mkdir")) {
            Optional<String> mode = c.flagValue("-m", "--mode");
            if (mode.isPresent()) {
                Optional<Mode> parsed = parse(mode.get());
                List<String> files = c.positionalValues();
                boolean directories = c.is("mkdir") || c.hasFlag("-d", "--directory");
                parsed.ifPresent(m -> out.add(new Change(c.commandName() + " -m", m, files, false, directories)));
            }
        }
        return out;
    }

    /** chmod's arguments: options (also after the mode, as GNU chmod permits), the mode, the files. */
    static void chmod(List<String> args, boolean directories, List<Change> out) {
        boolean recursive = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.startsWith("--reference")) {
                return;
            }
            if (a.startsWith("--")) {
                recursive |= a.equals("--recursive");
                continue;
            }
            if (a.startsWith("-") && a.length() > 1 && a.substring(1).chars().allMatch(ch -> "Rvcf".indexOf(ch) >= 0)) {
                recursive |= a.indexOf('R') >= 0;
                continue;
            }
            break;
        }
        if (i >= args.size()) {
            return;
        }
        Optional<Mode> mode = parse(args.get(i));
        if (mode.isPresent()) {
            // GNU chmod takes options after the mode too: chmod 777 -R /data
            List<String> files = new ArrayList<>();
            for (String a : args.subList(i + 1, args.size())) {
                if (a.startsWith("-") && a.length() > 1 && a.substring(1).chars().allMatch(ch -> "Rvcf".indexOf(ch) >= 0)) {
                    recursive |= a.indexOf('R') >= 0;
                } else if (a.equals("--recursive")) {
                    recursive = true;
                } else if (!a.startsWith("--")) {
                    files.add(a);
                }
            }
            out.add(new Change("chmod", mode.get(), List.copyOf(files), recursive, directories));
        }
    }

    private static List<String> values(List<Word> words) {
        List<String> values = new ArrayList<>(words.size());
        for (Word w : words) {
            values.add(w.value());
        }
        return values;
    }
}
