package dev.plimsoll.analyzer.lang.java;

import dev.plimsoll.analyzer.lang.Texts;
import dev.plimsoll.core.analysis.UntrustedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Gradle dependency lock file, as Gradle's LockFileReaderWriter writes it. Since Gradle 6.4 one
 * {@code gradle.lockfile} per project: comment lines ("#"), one line per locked module
 * "group:module:version=configuration,configuration", and a last line "empty=configuration,..." naming the
 * configurations that resolve to nothing. Before it (Gradle 4.8 to 6.x), one file per configuration,
 * {@code gradle/dependency-locks/CONFIGURATION.lockfile}, holding "group:module:version" lines, the configuration
 * being the file's name. A line that is neither is a {@link Fault}, and the others are still read.
 *
 * @param entries the locked modules
 * @param faults  the lines that could not be read
 */
record GradleLockfile(List<Entry> entries, List<Fault> faults) {
    /** Lines longer than this are not lock entries (and would only bloat problem messages). */
    static final int MAX_LINE_CHARS = 64 * 1024;

    /**
     * One locked module.
     *
     * @param configurations the configurations that resolve it, as written
     * @param line           its 1-based line
     */
    record Entry(String groupId, String artifactId, String version, List<String> configurations, int line) {
        Entry {
            configurations = List.copyOf(configurations);
        }
    }

    record Fault(int line, String message) {
    }

    GradleLockfile {
        entries = List.copyOf(entries);
        faults = List.copyOf(faults);
    }

    /** A {@code gradle.lockfile}: "group:module:version=configurations" lines. */
    static GradleLockfile parse(byte[] bytes) {
        return parse(bytes, Optional.empty());
    }

    /** A legacy per-configuration lock file: "group:module:version" lines, all of {@code configuration}. */
    static GradleLockfile parseLegacy(byte[] bytes, String configuration) {
        return parse(bytes, Optional.of(configuration));
    }

    private static GradleLockfile parse(byte[] bytes, Optional<String> legacyConfiguration) {
        List<Entry> entries = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        String[] lines = UntrustedText.decode(bytes).split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.length() > MAX_LINE_CHARS) {
                faults.add(new Fault(number, "a line of more than " + MAX_LINE_CHARS + " characters"));
                continue;
            }
            String module = line;
            List<String> configurations;
            if (legacyConfiguration.isPresent()) {
                configurations = List.of(legacyConfiguration.get());
            } else {
                int equals = line.indexOf('=');
                if (equals < 0) {
                    faults.add(new Fault(number, "not \"group:module:version=configurations\": "
                            + UntrustedText.excerpt(line)));
                    continue;
                }
                module = line.substring(0, equals).strip();
                configurations = configurations(line.substring(equals + 1));
                if (module.equals("empty")) {
                    continue; // the configurations that lock no module
                }
            }
            String[] parts = module.split(":", -1);
            if (parts.length != 3 || !Coordinates.isMavenId(parts[0]) || !Coordinates.isMavenId(parts[1])
                    || !Texts.isToken(parts[2])) {
                faults.add(new Fault(number, "not a module \"group:module:version\": "
                        + UntrustedText.excerpt(module)));
                continue;
            }
            if (configurations.isEmpty()) {
                faults.add(new Fault(number, parts[0] + ":" + parts[1] + " is locked for no configuration"));
                continue;
            }
            entries.add(new Entry(parts[0], parts[1], parts[2], configurations, number));
        }
        return new GradleLockfile(entries, faults);
    }

    private static List<String> configurations(String list) {
        List<String> out = new ArrayList<>();
        for (String c : list.split(",")) {
            String name = c.strip();
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * Whether a module locked for these configurations is needed only by tests: every configuration is a test
     * one, by Gradle's naming ("testCompileClasspath", "testRuntimeClasspath", "testFixturesRuntimeClasspath",
     * and source sets or variants named so: "integrationTestRuntimeClasspath", "debugUnitTestRuntimeClasspath").
     */
    static boolean testOnly(List<String> configurations) {
        return !configurations.isEmpty() && configurations.stream().allMatch(GradleLockfile::isTestConfiguration);
    }

    static boolean isTestConfiguration(String name) {
        if (name.startsWith("test") && (name.length() == 4 || Character.isUpperCase(name.charAt(4)))) {
            return true;
        }
        for (int at = name.indexOf("Test"); at > 0; at = name.indexOf("Test", at + 1)) {
            int after = at + "Test".length();
            if (after == name.length() || Character.isUpperCase(name.charAt(after))) {
                return true;
            }
        }
        return false;
    }
}
