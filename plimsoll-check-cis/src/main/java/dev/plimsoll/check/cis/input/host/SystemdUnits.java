package dev.plimsoll.check.cis.input.host;

import dev.plimsoll.check.cis.InputProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds and reads systemd units in a host root: the unit search path for system units, first match wins, plus the
 * drop-ins {@code NAME.d/*.conf} of every directory of that path (a drop-in name in an earlier directory hides the
 * same name in later ones; all are applied in name order).
 */
public final class SystemdUnits {
    /** systemd's system unit search path, highest precedence first. */
    public static final List<String> UNIT_DIRECTORIES = List.of("/etc/systemd/system", "/run/systemd/system",
            "/usr/local/lib/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system");

    private SystemdUnits() {
    }

    /** The unit named {@code name}, when a fragment exists; problems go to {@code problems}. */
    public static Optional<UnitFile> find(HostRoot root, String name, List<InputProblem> problems) {
        String fragment = null;
        for (String dir : UNIT_DIRECTORIES) {
            String candidate = HostRoot.child(dir, name);
            if (root.lstat(candidate).isPresent()) {
                fragment = candidate;
                break;
            }
        }
        if (fragment == null) {
            return Optional.empty();
        }
        // masked: a link to /dev/null, which a captured root need not hold
        boolean masked = root.lstat(fragment).flatMap(FileStat::linkTarget).filter(t -> t.equals("/dev/null"))
                .isPresent() || root.resolve(fragment, true).map(r -> r.path().equals("/dev/null")).orElse(false);
        TreeMap<String, String> dropIns = new TreeMap<>();
        for (String dir : UNIT_DIRECTORIES) {
            String dropInDir = HostRoot.child(dir, name + ".d");
            try {
                for (String file : root.list(dropInDir)) {
                    if (file.endsWith(".conf")) {
                        dropIns.putIfAbsent(file, HostRoot.child(dropInDir, file));
                    }
                }
            } catch (IOException e) {
                problems.add(new InputProblem(dropInDir, "", "cannot list: " + e.getMessage()));
            }
        }
        Settings settings = new Settings();
        if (!masked) {
            read(root, fragment, settings, problems);
            dropIns.values().forEach(d -> read(root, d, settings, problems));
        }
        return Optional.of(new UnitFile(name, fragment, masked, List.copyOf(dropIns.values()), settings.execStart,
                settings.execStartSource, settings.environmentFiles, settings.environment));
    }

    private static final class Settings {
        final List<String> execStart = new ArrayList<>();
        String execStartSource = "";
        final List<String> environmentFiles = new ArrayList<>();
        final List<String> environment = new ArrayList<>();
    }

    private static void read(HostRoot root, String path, Settings settings, List<InputProblem> problems) {
        String text;
        try {
            Optional<String> t = root.readText(path);
            if (t.isEmpty()) {
                return;
            }
            text = t.get();
        } catch (IOException e) {
            problems.add(new InputProblem(path, "", "cannot read: " + e.getMessage()));
            return;
        }
        String section = "";
        for (String line : logicalLines(text)) {
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int eq = line.indexOf('=');
            if (!section.equals("Service") || eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            switch (key) {
                case "ExecStart" -> {
                    if (value.isEmpty()) {
                        settings.execStart.clear();
                    } else {
                        settings.execStart.add(value);
                    }
                    settings.execStartSource = path;
                }
                case "EnvironmentFile" -> {
                    if (value.isEmpty()) {
                        settings.environmentFiles.clear();
                    } else {
                        settings.environmentFiles.add(value);
                    }
                }
                case "Environment" -> {
                    if (value.isEmpty()) {
                        settings.environment.clear();
                    } else {
                        settings.environment.addAll(ExecWords.split(value));
                    }
                }
                default -> {
                    // other settings do not change how dockerd is configured
                }
            }
        }
    }

    /** Lines with comments dropped and backslash continuations joined, as systemd reads unit files. */
    static List<String> logicalLines(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder pending = null;
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (pending == null && (line.startsWith("#") || line.startsWith(";"))) {
                continue;
            }
            if (pending != null && (line.startsWith("#") || line.startsWith(";"))) {
                continue; // comments inside a continuation are skipped, as systemd does
            }
            boolean continues = line.endsWith("\\");
            String body = continues ? line.substring(0, line.length() - 1) : line;
            if (pending == null) {
                pending = new StringBuilder(body);
            } else {
                pending.append(' ').append(body);
            }
            if (!continues) {
                out.add(pending.toString().strip());
                pending = null;
            }
        }
        if (pending != null) {
            out.add(pending.toString().strip());
        }
        return out;
    }
}
