package dev.plimsoll.check.cis.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads Dockerfile instructions back from an image's history {@code created_by}: the classic builder writes
 * {@code /bin/sh -c #(nop)  ADD file:... in /} for metadata and file instructions and {@code /bin/sh -c CMD} for RUN;
 * BuildKit writes {@code ADD src dst # buildkit} and {@code RUN /bin/sh -c CMD # buildkit} (with {@code |N ARG=v}
 * build arguments first). Other tools write their own words ("debootstrap ..."), which are neither.
 */
final class HistoryInstructions {
    private static final Set<String> MANAGERS = Set.of("apt-get", "apt", "apk", "yum", "dnf", "microdnf", "zypper");
    private static final Set<String> UPDATES = Set.of("update", "makecache", "refresh", "ref");
    private static final Set<String> INSTALLS = Set.of("install", "add", "upgrade", "dist-upgrade", "full-upgrade",
            "in", "reinstall", "groupinstall", "localinstall");

    private HistoryInstructions() {
    }

    /** The Dockerfile keyword of an entry ("ADD", "RUN", "COPY"...), or "" when it does not look like one. */
    static String keyword(String createdBy) {
        String s = createdBy.strip();
        if (s.startsWith("/bin/sh -c #(nop)")) {
            s = s.substring("/bin/sh -c #(nop)".length()).strip();
            return firstWord(s).toUpperCase(Locale.ROOT);
        }
        if (s.startsWith("/bin/sh -c ") || s.startsWith("|")) {
            return "RUN";
        }
        String first = firstWord(s);
        return first.equals(first.toUpperCase(Locale.ROOT)) && first.matches("[A-Z]+") ? first : "";
    }

    /** The shell command of a RUN entry, without the builder's wrapping. */
    static String runCommand(String createdBy) {
        String s = createdBy.strip();
        if (s.endsWith("# buildkit")) {
            s = s.substring(0, s.length() - "# buildkit".length()).strip();
        }
        if (s.startsWith("RUN ")) {
            s = s.substring(4).strip();
        }
        if (s.startsWith("|")) {
            // |N NAME=value ... then the command: skip the N build arguments
            String[] words = s.split("\\s+");
            int n = parseCount(words[0].substring(1));
            int consumed = 1 + n;
            s = consumed < words.length ? String.join(" ", List.of(words).subList(consumed, words.length)) : "";
        }
        if (s.startsWith("/bin/sh -c ")) {
            s = s.substring("/bin/sh -c ".length());
        }
        return s;
    }

    /**
     * Whether a RUN command refreshes package indexes (or, for yum and dnf, updates everything) without installing
     * anything in the same instruction: the cached layer then goes stale.
     */
    static boolean updateAlone(String command) {
        boolean update = false;
        boolean install = false;
        for (String part : command.split("&&|\\|\\||;|\\||\\n")) {
            List<String> words = new ArrayList<>(List.of(part.strip().split("\\s+")));
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                String base = w.substring(w.lastIndexOf('/') + 1);
                if (!MANAGERS.contains(base)) {
                    continue;
                }
                String sub = subcommand(words, i + 1);
                if (UPDATES.contains(sub)) {
                    update = true;
                } else if (INSTALLS.contains(sub)) {
                    install = true;
                }
                break;
            }
        }
        return update && !install;
    }

    private static String subcommand(List<String> words, int from) {
        for (int i = from; i < words.size(); i++) {
            if (!words.get(i).startsWith("-")) {
                return words.get(i);
            }
        }
        return "";
    }

    private static int parseCount(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String firstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }
}
